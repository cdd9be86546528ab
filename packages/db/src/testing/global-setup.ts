import type { TestProject } from "vitest/node";
import { quoteIdent } from "../migrate/database-url";
import { dropDatabase, withClient } from "../migrate/pg-client";
import { startEmbeddedTestServer } from "./embedded-server";
import type { TestServer } from "./embedded-server";
import { testingEnv } from "./env";
import { newRunPrefix, runStartedAt, TEST_DATABASE_PREFIX } from "./names";
import { TEST_DATABASE_KEY } from "./provided";
import { cloneStrategy, createTemplateDatabase } from "./template";

/** A run older than this that left databases behind on a shared server was killed; its leftovers go. */
const ABANDONED_RUN_MS = 24 * 60 * 60 * 1000;

async function startTestServer(): Promise<TestServer> {
  if (testingEnv.SUNUWAI_TEST_DATABASE_URL) {
    return { adminUrl: testingEnv.SUNUWAI_TEST_DATABASE_URL, stop: () => Promise.resolve() };
  }
  return startEmbeddedTestServer();
}

/** Drops this run's databases (template and any a test did not drop), and those of long-dead runs. */
async function dropRunDatabases(adminUrl: string, prefix: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const startedAt = runStartedAt(datname);
      const abandoned = startedAt && Date.now() - startedAt.getTime() > ABANDONED_RUN_MS;
      if (!datname.startsWith(prefix) && !abandoned) continue;
      await client.query(`ALTER DATABASE ${quoteIdent(datname)} WITH IS_TEMPLATE false`);
      await dropDatabase(client, datname);
    }
  });
}

/**
 * Vitest globalSetup: one PostgreSQL server (SUNUWAI_TEST_DATABASE_URL, or an embedded one in a temp dir) and one
 * migrated template database per run; test files copy it with `createTestDatabase()`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  const prefix = newRunPrefix();
  const template = `${prefix}template`;
  let strategy: string;
  try {
    await createTemplateDatabase(server.adminUrl, template);
    strategy = await cloneStrategy(server.adminUrl);
  } catch (error) {
    await dropRunDatabases(server.adminUrl, prefix).catch(() => undefined);
    await server.stop();
    throw error;
  }
  project.provide(TEST_DATABASE_KEY, {
    adminUrl: server.adminUrl,
    template,
    prefix,
    cloneStrategy: strategy,
  });
  return async () => {
    try {
      await dropRunDatabases(server.adminUrl, prefix);
    } finally {
      await server.stop();
    }
  };
}
