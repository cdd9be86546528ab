import { Logger, runMigrations } from "graphile-worker";

const silentLogger = new Logger(() => () => undefined);

/**
 * Creates or upgrades graphile-worker's `graphile_worker` schema (idempotent). Deploys run it after the Prisma
 * migrations, so the web app can enqueue jobs on a new database before any worker has started.
 */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: silentLogger });
}
