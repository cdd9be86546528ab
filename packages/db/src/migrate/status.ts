import { NO_FILTERS, withSchemaEngine } from "./engine";
import type { EngineOptions } from "./engine";
import { withClient } from "./pg-client";

export interface MigrationStatus {
  /** Folders in the migrations directory, in order. */
  local: string[];
  /** Migrations recorded as finished (and not rolled back) in `_prisma_migrations`, in the order applied. */
  applied: string[];
  /** Local migrations the database has not applied yet. */
  pending: string[];
  /** Applied migrations whose migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Migrations that started and failed; deploy refuses to continue until they are resolved. */
  failed: string[];
  /** Migrations the database has applied that are not in the migrations directory. */
  missingLocally: string[];
  /** True when nothing is pending, edited, failed or missing. */
  clean: boolean;
}

function appliedMigrationNames(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
    );
    if (!rows[0]?.exists) return [];
    const applied = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
    );
    return applied.rows.map((row) => row.migration_name);
  });
}

/** `prisma migrate status`: how the database's migration history compares with the migrations directory. */
export async function migrationStatus(
  url: string,
  options: EngineOptions = {},
): Promise<MigrationStatus> {
  return withSchemaEngine(url, options, async ({ engine, migrations }) => {
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList: migrations,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const history = diagnosis.history;
    const pending =
      history && history.diagnostic !== "migrationsDirectoryIsBehind"
        ? history.unappliedMigrationNames
        : [];
    const missingLocally =
      history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    const status = {
      local: migrations.migrationDirectories.map((dir) => dir.path),
      applied: await appliedMigrationNames(url),
      pending,
      edited: diagnosis.editedMigrationNames,
      failed: diagnosis.failedMigrationNames,
      missingLocally,
    };
    const clean = [status.pending, status.edited, status.failed, status.missingLocally].every(
      (names) => names.length === 0,
    );
    return { ...status, clean };
  });
}
