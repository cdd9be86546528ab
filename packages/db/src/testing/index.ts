import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDb } from "../client";
import type { Db } from "../client";
import { databaseUrl, quoteIdent } from "../migrate/database-url";
import { dropDatabase, withClient } from "../migrate/pg-client";
import { TEST_DATABASE_KEY } from "./provided";
import type { ProvidedTestDatabase } from "./provided";

export interface TestDatabase {
  /** Connection string of this test database. */
  url: string;
  /** A Prisma client connected to it. */
  db: Db;
  /** Disconnects the client and drops the database. */
  drop(): Promise<void>;
}

function providedTestDatabase(): ProvidedTestDatabase {
  const provided = inject(TEST_DATABASE_KEY) as ProvidedTestDatabase | undefined;
  if (!provided) {
    throw new Error(
      'No test database server: add `globalSetup: ["@sunuwai/db/testing/global-setup"]` to this package\'s vitest.config.ts.',
    );
  }
  return provided;
}

export interface TestDatabaseOptions {
  /** Connections in the client's pool (default 5). */
  max?: number;
  /** False: an empty database, for testing migrations themselves. */
  migrated?: boolean;
}

/**
 * A fresh database with every migration (and graphile-worker's schema) applied, copied from the run's template
 * in milliseconds. Call `drop()` in `afterAll`; the global teardown drops any database left behind.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const { adminUrl, template, prefix, cloneStrategy } = providedTestDatabase();
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  const copy =
    options.migrated === false ? "" : `TEMPLATE ${quoteIdent(template)} ${cloneStrategy}`;
  await withClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} ${copy}`),
  );
  const url = databaseUrl(adminUrl, name);
  const db = createDb(url, { max: options.max ?? 5 });
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await withClient(adminUrl, (client) => dropDatabase(client, name));
    },
  };
}
