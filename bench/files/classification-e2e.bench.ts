// Goal (issue 4): a chatbot creates a grievance → its subscribed client receives `classification_complete`
// (offline classifier) with p95 ≤ 250 ms at 20 grievances/s. Real parts: PostgreSQL, the tRPC handler with its
// LISTEN hub on an HTTP port, the worker as its own process (`node --import tsx apps/worker/src/main.ts`), a tRPC
// client over HTTP + SSE. Baseline in the same run: the create call alone (HTTP + transaction).
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import type { AppRouter } from "@sunuwai/api";
import { serveFetchHandler } from "@sunuwai/api/testing";
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { runMigrations } from "graphile-worker";
import superjson from "superjson";
import { startBenchDatabase } from "../intel/bench-database";

const RATE_PER_SECOND = 20;
const GRIEVANCES = 200;
const WARM_UP = 20;
const GOAL_P95_MS = 250;
const workerDir = path.resolve(import.meta.dirname, "../../apps/worker");

const testKey = (fill: number) => Buffer.alloc(32, fill).toString("base64");
// The web process and the worker share the PII key ring, as in production. The services read it from the
// environment when their modules load, so those are imported after it is set.
const pii = { PII_ENCRYPTION_KEYS: `bench:${testKey(3)}`, PII_BLIND_INDEX_KEY: testKey(4) };
Object.assign(process.env, pii);
const { createApiFetchHandler, createLiveEventHub, createLogger } = await import("@sunuwai/api");
const { createApiToken } = await import("@sunuwai/auth");
const { createDb } = await import("@sunuwai/db");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const database = await startBenchDatabase("classify");
// Only errors reach the terminal.
const quiet = createLogger({}, (line) => {
  if (line.includes('"level":"error"')) process.stderr.write(`${line}\n`);
});
const db = createDb(database.url, { max: 10 });
const hub = createLiveEventHub({ connectionString: database.url, logger: quiet });
let stopWorker = async () => undefined as unknown;
let closeServer = async () => undefined as unknown;
try {
  await runMigrations({ connectionString: database.url });
  const { token } = await createApiToken(db, {
    name: "bench chatbot",
    scopes: ["grievance:write", "grievance:read"],
  });
  const server = await serveFetchHandler(
    createApiFetchHandler({ db, logger: quiet, liveEvents: hub }),
  );
  closeServer = server.close;

  const worker = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      ...process.env,
      ...pii,
      DATABASE_URL: database.url,
      OPENAI_API_KEY: "",
      WORKER_LOG_LEVEL: "warning",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  stopWorker = async () => {
    worker.kill("SIGTERM");
    await exited;
  };
  // With WORKER_LOG_LEVEL=warning the worker prints nothing on a good start: wait for its heartbeat instead.
  readline.createInterface({ input: worker.stdout }).on("line", () => undefined);
  for (let waited = 0; (await db.workerHeartbeat.count()) === 0; waited += 100) {
    if (waited > 60_000) throw new Error("the worker did not start");
    await sleep(100);
  }

  const url = `${server.origin}/api/trpc`;
  const headers = { authorization: `Bearer ${token}` };
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
          },
        }),
        false: httpLink({ url, transformer: superjson, headers }),
      }),
    ],
  });

  const arrived = new Map<string, number>();
  const subscription = client.grievance.onChatbotUpdate.subscribe(
    {},
    {
      onData: ({ data }) => {
        if (data.kind === "classification_complete")
          arrived.set(data.grievanceId, performance.now());
      },
    },
  );
  while (hub.subscriberCount() === 0) await sleep(20);

  let phone = 9841000000;
  const file = async () => {
    phone += 1;
    const started = performance.now();
    const { id } = await client.grievance.create.mutate({
      complainant: {
        fullName: "Bench Complainant",
        phone: String(phone),
        email: "bench@example.com",
      },
      description:
        "The drinking water pipe on our street has burst and the supply has been cut for three days now.",
      language: "en",
    });
    return { id, started, created: performance.now() };
  };

  const wait = async (ids: string[]) => {
    const deadline = Date.now() + 60_000;
    while (ids.some((id) => !arrived.has(id))) {
      if (Date.now() > deadline)
        throw new Error("classification_complete did not arrive for every grievance");
      await sleep(20);
    }
  };

  // Warm-up: connections, JIT, the classifier's model, at the same pace.
  const warm = [];
  for (let i = 0; i < WARM_UP; i += 1) {
    warm.push(file());
    await sleep(1000 / RATE_PER_SECOND);
  }
  await wait((await Promise.all(warm)).map((g) => g.id));

  const runStarted = performance.now();
  const calls = [];
  for (let i = 0; i < GRIEVANCES; i += 1) {
    // A steady 20/s regardless of how long each call takes (an open-loop load, as independent chatbots make).
    const due = runStarted + (i * 1000) / RATE_PER_SECOND;
    await sleep(Math.max(0, due - performance.now()));
    calls.push(file());
  }
  const filed = await Promise.all(calls);
  await wait(filed.map((g) => g.id));
  const seconds = (performance.now() - runStarted) / 1000;
  subscription.unsubscribe();

  const e2e = filed.map((g) => (arrived.get(g.id) ?? 0) - g.started);
  const create = filed.map((g) => g.created - g.started);
  const line = (label: string, values: number[]) =>
    `${label}: p50 ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, p99 ${percentile(values, 99).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
  console.log(
    `${GRIEVANCES} grievances at ${RATE_PER_SECOND}/s (offered), ${(GRIEVANCES / seconds).toFixed(1)}/s achieved`,
  );
  console.log(line("create → classification_complete received", e2e));
  // Where the time goes: from the grievance row to its CLASSIFIED event, as their timestamps say.
  const inWorker = await db.$queryRaw<{ ms: number }[]>`
    SELECT extract(epoch FROM (c."createdAt" - g."createdAt")) * 1000 AS ms
    FROM "GrievanceEvent" c JOIN "Grievance" g ON g.id = c."grievanceId"
    WHERE c.type = 'CLASSIFIED' AND g.id = ANY(${filed.map((g) => g.id)}::uuid[])`;
  console.log(
    line(
      "  of which created → classified (row timestamps)",
      inWorker.map((r) => Number(r.ms)),
    ),
  );
  console.log(line("baseline, the create call alone", create));
  console.log(
    `ratio: p95 ${(percentile(e2e, 95) / percentile(create, 95)).toFixed(1)}× the create call's`,
  );
  console.log(
    `goal p95 ≤ ${GOAL_P95_MS} ms: ${percentile(e2e, 95) <= GOAL_P95_MS ? "met" : "NOT met"}`,
  );
} finally {
  await stopWorker();
  await closeServer();
  await hub.close();
  await db.$disconnect();
  await database.stop();
}
