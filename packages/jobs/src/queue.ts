import { runMigrations } from "graphile-worker";

/**
 * Creates or upgrades graphile-worker's `graphile_worker` schema (idempotent). The worker does this when it
 * starts; call it where jobs may be enqueued before any worker has run against a new database.
 */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString });
}
