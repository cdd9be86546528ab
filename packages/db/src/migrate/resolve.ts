import { withSchemaEngine } from "./engine";
import type { EngineOptions } from "./engine";

export type Resolution = "rolled-back" | "applied";

/**
 * `prisma migrate resolve`: after a migration failed and the database was repaired by hand, records it as
 * rolled back (deploy will run it again) or as applied (its changes were completed by hand).
 */
export async function resolveMigration(
  url: string,
  migrationName: string,
  resolution: Resolution,
  options: EngineOptions = {},
): Promise<void> {
  await withSchemaEngine(url, options, async ({ engine, migrations }) => {
    if (resolution === "rolled-back") await engine.markMigrationRolledBack({ migrationName });
    else await engine.markMigrationApplied({ migrationName, migrationsList: migrations });
  });
}
