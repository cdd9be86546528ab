// A production app for benchmarks: embedded PostgreSQL with durable writes (fsync on, as in production) in a
// temp dir, migrated and seeded, then `next start` and the worker, as `pnpm start` runs them.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDb, findRepoRoot } from "@sunuwai/db";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import type { EmbeddedPostgresHandle } from "@sunuwai/db/embedded";
import { applyMigrations } from "@sunuwai/db/migrate";
import { seed } from "@sunuwai/db/seed";
import { installJobQueue } from "@sunuwai/jobs";
import { benchEnv } from "./env";

const ROOT = findRepoRoot(import.meta.dirname);
const WEB_DIR = path.join(ROOT, "apps/web");
const WORKER_DIR = path.join(ROOT, "apps/worker");

export interface BenchApp {
  url: string;
  databaseUrl: string;
  chatbotToken: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * V8 profiler flags for a child process when BENCH_PROFILE_DIR asks for profiles: one file per thread (the
 * loader's hooks thread included), under a folder named after the process, written when it exits.
 */
function profileArgs(name: string): string[] {
  if (!benchEnv.profileDir) return [];
  return ["--cpu-prof", `--cpu-prof-dir=${path.join(benchEnv.profileDir, name)}`];
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function waitForHealth(
  url: string,
  withWorker: boolean,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as { worker?: string };
      if (response.ok && (!withWorker || body.worker === "running")) return;
    } catch {
      // not serving yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app did not become healthy (and its worker running):\n${output()}`);
}

export async function startBenchApp(options: { withWorker?: boolean } = {}): Promise<BenchApp> {
  if (!existsSync(path.join(WEB_DIR, ".next/BUILD_ID")))
    throw new Error(
      "No production build of apps/web: run `pnpm --filter @sunuwai/web build` first.",
    );
  const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-bench-"));
  chmodSync(dir, 0o755);
  const chatbotToken = `snw_${randomBytes(32).toString("base64url")}`;
  const children: ChildProcess[] = [];
  let postgres: EmbeddedPostgresHandle | undefined;
  let output = "";
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "sunuwai" });
    await applyMigrations(postgres.url);
    // Before the web app takes requests: filing a grievance enqueues jobs (the worker would install it too).
    await installJobQueue(postgres.url);
    const db = createDb(postgres.url, { max: 2 });
    try {
      await seed(db, { chatbotToken, secretsDir: dir });
    } finally {
      await db.$disconnect();
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: postgres.url,
      DATA_DIR: dir,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PII_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      PII_BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: url,
      PORT: String(port),
      WORKER_LOG_LEVEL: "error",
    };
    const capture = (child: ChildProcess) => {
      child.stdout?.on(
        "data",
        (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
      );
      child.stderr?.on(
        "data",
        (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
      );
      children.push(child);
    };
    capture(
      spawn(
        process.execPath,
        [
          ...profileArgs("web"),
          path.join(WEB_DIR, "node_modules/next/dist/bin/next"),
          "start",
          "--port",
          String(port),
          "--hostname",
          "127.0.0.1",
        ],
        { cwd: WEB_DIR, env, stdio: ["ignore", "pipe", "pipe"] },
      ),
    );
    if (options.withWorker !== false) {
      capture(
        spawn(process.execPath, [...profileArgs("worker"), "--import", "tsx", "src/main.ts"], {
          cwd: WORKER_DIR,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
    }
    await waitForHealth(url, options.withWorker !== false, () => output, 60_000);
    return { url, databaseUrl: postgres.url, chatbotToken, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
