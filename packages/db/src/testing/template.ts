import { applyMigrations, installJobQueue } from "../migrate";
import { databaseUrl, quoteIdent } from "../migrate/database-url";
import { withClient } from "../migrate/pg-client";

/**
 * Creates `name` with every Prisma migration and graphile-worker's own schema applied, then freezes it as a
 * template: IS_TEMPLATE lets `CREATE DATABASE … TEMPLATE` copy it, ALLOW_CONNECTIONS false keeps a stray
 * connection from blocking those copies.
 */
export async function createTemplateDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = databaseUrl(adminUrl, name);
  await applyMigrations(url);
  // Tests enqueue jobs (graphile_worker.add_job) and run task lists without starting a worker first.
  await installJobQueue(url);
  await withClient(adminUrl, (client) =>
    client.query(
      `ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    ),
  );
}

/** FILE_COPY (PostgreSQL 15+) beats the default WAL_LOG for a small template, most of all for parallel copies. */
export async function cloneStrategy(adminUrl: string): Promise<string> {
  const version = await withClient(adminUrl, (client) =>
    client.query<{ server_version_num: string }>("SHOW server_version_num"),
  );
  return Number(version.rows[0]?.server_version_num) >= 150000 ? "STRATEGY FILE_COPY" : "";
}
