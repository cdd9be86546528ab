// `pnpm start` / `pnpm dev`: everything a newcomer needs, in one process tree.
// PostgreSQL (embedded unless DATABASE_URL) → migrations → seed when empty → build → worker + web.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createDb, findRepoRoot } from "@sunuwai/db";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import type { EmbeddedPostgresHandle } from "@sunuwai/db/embedded";
import { applyMigrations, installJobQueue } from "@sunuwai/db/migrate";
import { readSeedSecrets, seed, seedUsers } from "@sunuwai/db/seed";
import { webBuildNeeded } from "./build-state";
import { runToCompletion, startProcess, stopProcess } from "./processes";
import type { ManagedProcess } from "./processes";
import { resolveSecrets } from "./secrets";
import { runSupervised } from "./supervise";
import { loadScriptEnv } from "./env";

const dev = process.argv.includes("--dev");
const root = findRepoRoot(import.meta.dirname);
const say = (message: string) => process.stdout.write(`[start]  ${message}\n`);

const { env: config, raw: rawEnv } = loadScriptEnv(root);
const dataDir = path.resolve(root, config.DATA_DIR);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const port = config.PORT;

let postgres: EmbeddedPostgresHandle | undefined;
const children: ManagedProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say("stopping …");
    await Promise.all(children.map((child) => stopProcess(child)));
    if (postgres?.owned) {
      await postgres.stop();
      say("PostgreSQL stopped");
    }
  }
  process.exit(code);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

async function main(): Promise<void> {
  const secrets = resolveSecrets(rawEnv, dataDir);
  if (secrets.generated.length > 0) {
    say(
      `generated ${secrets.generated.join(", ")} for development in ${path.relative(root, secrets.file)} (mode 0600)`,
    );
  }

  let databaseUrl = config.DATABASE_URL;
  if (databaseUrl) {
    say("using the PostgreSQL server in DATABASE_URL");
  } else {
    say("starting embedded PostgreSQL …");
    postgres = await startEmbeddedPostgres({
      dir: path.join(dataDir, "postgres"),
      database: "sunuwai",
      port: 5433,
      log: () => undefined,
    });
    databaseUrl = postgres.url;
    say(
      `PostgreSQL ${postgres.owned ? "started" : "already running"} on 127.0.0.1:${postgres.port} (data in ${path.relative(root, dataDir)}/postgres)`,
    );
  }

  const migrated = await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl);
  say(
    migrated.applied.length > 0
      ? `applied migrations: ${migrated.applied.join(", ")}`
      : "database schema is up to date",
  );

  const db = createDb(databaseUrl, { max: 2 });
  const users = await db.user.count();
  if (users === 0) {
    say("empty database: seeding wards, users and the chatbot token");
    await seed(db, {
      password: config.SEED_PASSWORD,
      chatbotToken: config.SEED_CHATBOT_TOKEN,
      secretsDir: dataDir,
      log: say,
    });
  }
  await db.$disconnect();

  const env: NodeJS.ProcessEnv = {
    ...rawEnv,
    ...secrets.values,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: dev ? "development" : "production",
  };

  const webDir = path.join(root, "apps/web");
  if (!dev) {
    const reason = webBuildNeeded(root);
    if (reason) {
      say(`building the web app (${reason}) …`);
      await runToCompletion("pnpm", ["--filter", "@sunuwai/web", "build"], { cwd: root, env });
    }
  }

  // Spawned directly (not through pnpm) so SIGTERM reaches the worker itself and we can wait for it to drain.
  const workerDir = path.join(root, "apps/worker");
  children.push(
    dev
      ? startProcess(
          "worker",
          path.join(workerDir, "node_modules/.bin/tsx"),
          ["watch", "src/main.ts"],
          { cwd: workerDir, env },
        )
      : startProcess("worker", process.execPath, ["--import", "tsx", "src/main.ts"], {
          cwd: workerDir,
          env,
        }),
  );
  children.push(
    startProcess(
      "web",
      path.join(webDir, "node_modules/.bin/next"),
      [dev ? "dev" : "start", "-p", String(port)],
      { cwd: webDir, env },
    ),
  );
  for (const child of children) {
    void child.exited.then((code) => {
      if (stopping) return;
      say(`${child.name} exited with code ${code}; stopping everything`);
      void shutdown(code || 1);
    });
  }

  const url = `http://localhost:${port}`;
  if (!(await waitForHealth(`${url}/api/health`, dev ? 180_000 : 60_000))) {
    say(`the web app did not answer on ${url}/api/health`);
    await shutdown(1);
  }
  const saved = readSeedSecrets(dataDir);
  const password = config.SEED_PASSWORD ?? saved.password;
  const token = config.SEED_CHATBOT_TOKEN ?? saved.chatbotToken;
  say("");
  say(`Sunuwai is running at ${url}`);
  say("Sign in with any of these accounts:");
  for (const user of seedUsers) say(`  ${user.email.padEnd(28)} ${user.role}`);
  say(
    password
      ? `  password: ${password}`
      : "  password: the SEED_PASSWORD the database was seeded with",
  );
  if (token) say(`Chatbot API token: ${token}`);
  say("Press Ctrl-C to stop.");
}

if (runSupervised(rawEnv)) {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  main().catch(async (error: unknown) => {
    say(error instanceof Error ? error.message : String(error));
    await shutdown(1);
  });
}
