import { NO_FILTERS, withSchemaEngine } from "./engine";
import type { EngineOptions } from "./engine";

export interface ApplyResult {
  /** Migrations applied by this call, in order; empty when the database was up to date. */
  applied: string[];
}

/**
 * `prisma migrate deploy`: applies every migration not yet in `_prisma_migrations` (the same rows and checksums
 * Prisma's own engine writes). Refuses to run over failed or edited history, like Prisma.
 */
export async function applyMigrations(
  url: string,
  options: EngineOptions = {},
): Promise<ApplyResult> {
  return withSchemaEngine(url, options, async ({ engine, migrations }) => {
    const output = await engine.applyMigrations({
      migrationsList: migrations,
      filters: NO_FILTERS,
    });
    return { applied: output.appliedMigrationNames };
  });
}
