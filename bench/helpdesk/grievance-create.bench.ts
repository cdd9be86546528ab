// `grievance.create` through HTTP (tRPC, API token) against the production app with its worker running:
// PII encryption + insert + enqueue, at a fixed 100 requests/s for 60 s (open loop). Baseline: GET /api/health
// at the same rate in the same run (HTTP + Next.js routing + one database round trip).
import os from "node:os";
import { startBenchApp } from "./lib/app";
import { benchEnv } from "./lib/env";
import { request } from "./lib/http";
import { describeFigures, figures, ms, openLoop } from "./lib/measure";

// 100/s is the goal; BENCH_CREATE_RATE finds the rate this machine sustains within it.
const RATE = benchEnv.createRate;
const SECONDS = 60;
const BASELINE_SECONDS = 30;
const TARGET_P99_MS = 50;

const app = await startBenchApp();

const DESCRIPTIONS = [
  "The drinking water supply in our tole has been cut for two weeks and the tanker never comes.",
  "Potholes on the main road near the school are filled with water and children fall every day.",
  "Garbage has not been collected in our street for three weeks and it stinks near the temple.",
  "The contractor took our land for the road widening and has not paid the compensation yet.",
];

let filed = 0;
function createGrievance(i: number): Promise<true | string> {
  filed += 1;
  const input = {
    complainant: {
      fullName: "Sita Kumari Shrestha",
      phone: `98${String(40_000_000 + filed).padStart(8, "0")}`,
      email: "sita.shrestha@example.com",
      address: "Tole 4, Baneshwor",
      ward: `KMC-${String((i % 32) + 1).padStart(2, "0")}`,
    },
    description: DESCRIPTIONS[i % DESCRIPTIONS.length],
    language: "en",
  };
  return request(`${app.url}/api/trpc/grievance.create`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.chatbotToken}`, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
}

const health = () => request(`${app.url}/api/health`);

/** One request at a time: the time a request costs with no queue in front of it. */
async function serviceTime(send: (i: number) => Promise<true | string>, count = 100) {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const result = await send(i);
    if (result === true) latencies.push(performance.now() - started);
    else failures.set(result, (failures.get(result) ?? 0) + 1);
  }
  return figures(latencies, failures);
}

try {
  console.log(`warming up (5 s of each at 20/s) …`);
  await openLoop(20, 5, health);
  await openLoop(20, 5, createGrievance);

  console.log("service time: 100 requests one at a time …");
  const healthAlone = await serviceTime(health);
  const createAlone = await serviceTime(createGrievance);

  console.log(`baseline: GET /api/health at ${RATE}/s for ${BASELINE_SECONDS} s …`);
  const baseline = await openLoop(RATE, BASELINE_SECONDS, health);
  console.log(`grievance.create at ${RATE}/s for ${SECONDS} s, worker running …`);
  const create = await openLoop(RATE, SECONDS, createGrievance);

  console.log("");
  console.log(describeFigures("one at a time: health", healthAlone));
  console.log(describeFigures("one at a time: create", createAlone));
  console.log(describeFigures("GET /api/health (baseline)", baseline));
  console.log(describeFigures("grievance.create", create));
  console.log(
    `ratio grievance.create / baseline: p50 ×${(create.p50 / baseline.p50).toFixed(2)}  p95 ×${(create.p95 / baseline.p95).toFixed(2)}  p99 ×${(create.p99 / baseline.p99).toFixed(2)}`,
  );
  console.log(
    `load average during the run: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores)`,
  );
  console.log(
    `target p99 ≤ ${TARGET_P99_MS} ms: ${create.p99 <= TARGET_P99_MS ? "met" : "NOT met"} (${ms(create.p99)})`,
  );
} finally {
  await app.stop();
}
