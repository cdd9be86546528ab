// Issue 5 ingestion goals: 1,000,000 generated ~1 KB articles through `pnpm ingest` (spawned exactly as the root
// script runs it) against a plain COPY of the same rows (the distinct articles as Epaper rows, same columns and sizes)
// into a table made with `LIKE "Epaper" INCLUDING ALL` — the same indexes and checks, no foreign keys — in one
// statement; the ingestion's peak RSS; and a re-run of the same file. BENCH_ARTICLES scales the run down.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { cpuSecondsOf, fmt, insertSeedWards, loadAverage, mb, startBenchDatabase } from "./bench-database";
import { benchEnv, ingestEnv } from "./env";
import { generateArticles } from "./generate-articles";

const ARTICLES = benchEnv.articles;
const usPer = (seconds: number, n: number) => ((seconds * 1e6) / n).toFixed(0);
const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Time-ordered ids (UUID v7), as the ingestion chooses them, so the baseline's primary key grows the same way. */
function uuidV7(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ingestion stores its run's id on every epaper; the baseline rows carry one too (the copy table has no foreign keys). */
const BASELINE_RUN_ID = "00000000-0000-7000-8000-000000000000";

const copyText = (value: string | null | undefined) =>
  value === null || value === undefined ? "\\N" : value.replace(/[\\\t\n\r]/gu, (ch) => (ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r"));
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The articles of the JSONL file as Epaper rows in COPY text form (distinct articles only, like the ingestion). */
async function writeBaselineRows(jsonl: string, out: string): Promise<number> {
  const seen = new Set<string>();
  const output = createWriteStream(out);
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity })) {
    const a = JSON.parse(line) as Record<string, string | undefined>;
    const sha = sha256(line);
    if (seen.has(sha)) continue;
    seen.add(sha);
    const fields = [uuidV7(), sha, a.publication_name, a.publication_date, a.title, a.body, a.url, a.city, a.party, a.language, a.ward, sha256(a.title ?? ""), null, BASELINE_RUN_ID];
    if (!output.write(`${fields.map(copyText).join("\t")}\n`)) await once(output, "drain");
    rows++;
  }
  output.end();
  await once(output, "finish");
  return rows;
}

interface ChildRun {
  seconds: number;
  peakRssBytes: number;
  /** CPU seconds of the ingestion process and of the database backends serving it. */
  cpuSeconds: number;
  backendCpuSeconds: number;
  code: number | null;
  output: string;
}

function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/u).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(descendants)];
  } catch {
    return [];
  }
}

function vmHwm(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the root `ingest` script on `file` (its command split on spaces, as pnpm would run it) and samples its processes'
 * peak RSS (VmHWM) and CPU, and the CPU of the database backends serving it, until it exits.
 */
async function ingestScript(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts.ingest ?? "";
}

async function runIngestScript(url: string, file: string, monitor: pg.Client): Promise<ChildRun> {
  const [command, ...args] = (await ingestScript()).split(/\s+/u).filter(Boolean);
  if (!command) throw new Error("no `ingest` script in package.json");
  const started = performance.now();
  const child = spawn(command === "node" ? process.execPath : command, [...args, file], {
    cwd: repoRoot,
    env: ingestEnv(url, path.join(repoRoot, "node_modules/.bin")),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const peaks = new Map<number, number>();
  const cpu = new Map<number, number>();
  const backendCpu = new Map<number, number>();
  const sample = async () => {
    for (const pid of descendants(child.pid ?? 0)) {
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, vmHwm(pid)));
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuSecondsOf(pid)));
    }
    const backends = await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'sunuwai-intel-ingest%'`).catch(() => ({ rows: [] }));
    for (const { pid } of backends.rows) backendCpu.set(pid, Math.max(backendCpu.get(pid) ?? 0, cpuSecondsOf(pid)));
  };
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample);
  }, 50);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(timer);
  await sampling;
  const sum = (values: Map<number, number>) => [...values.values()].reduce((a, b) => a + b, 0);
  return {
    seconds: (performance.now() - started) / 1000,
    peakRssBytes: Math.max(0, ...peaks.values()),
    cpuSeconds: sum(cpu),
    backendCpuSeconds: sum(backendCpu),
    code,
    output,
  };
}

const db = await startBenchDatabase("ingest");
try {
  const client = await db.connect();
  const wardNames = await insertSeedWards(client);
  const jsonl = path.join(db.dir, "articles.jsonl");
  const bytes = await generateArticles(jsonl, { count: ARTICLES, wardNames });
  const baselineFile = path.join(db.dir, "baseline.copy");
  const rows = await writeBaselineRows(jsonl, baselineFile);
  console.log(`${fmt(ARTICLES)} articles (${mb(bytes)} of JSONL, ${fmt(rows)} distinct); load average ${loadAverage()}`);

  // Baseline: one COPY of the same rows into a table with Epaper's columns, indexes and checks (no foreign keys).
  await client.query(`CREATE TABLE bench_copy_epaper (LIKE "Epaper" INCLUDING ALL)`);
  await client.query("CHECKPOINT");
  const backendPid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? 0;
  const backendCpuBefore = cpuSecondsOf(backendPid);
  const copyStarted = performance.now();
  await pipeline(
    createReadStream(baselineFile),
    client.query(copyFrom(`COPY bench_copy_epaper ("id", "sha256", "publicationName", "publicationDate", "title", "body", "url", "city", "party", "language", "wardHint", "titleHash", "duplicateOfId", "ingestRunId") FROM STDIN`)),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const copyCpu = cpuSecondsOf(backendPid) - backendCpuBefore;
  const copyRate = rows / copySeconds;
  console.log(
    `baseline COPY into a table like "Epaper" (same indexes and checks, no foreign keys): ${fmt(rows)} rows in ${copySeconds.toFixed(1)} s = ` +
      `${fmt(copyRate)} rows/s; database CPU ${usPer(copyCpu, rows)} µs/row; load average ${loadAverage()}`,
  );
  await client.query("DROP TABLE bench_copy_epaper");
  await client.query("CHECKPOINT");

  console.log(`pnpm ingest = ${await ingestScript()}`);
  const first = await runIngestScript(db.url, jsonl, client);
  if (first.code !== 0) throw new Error(`pnpm ingest failed (exit ${first.code}):\n${first.output}`);
  const firstRate = ARTICLES / first.seconds;
  const stored = (await client.query<{ epapers: string; posts: string }>(`SELECT (SELECT count(*) FROM "Epaper") AS epapers, (SELECT count(*) FROM "Post") AS posts`)).rows[0];
  console.log(
    `pnpm ingest: ${fmt(ARTICLES)} articles in ${first.seconds.toFixed(1)} s = ${fmt(firstRate)} articles/s ` +
      `(${(firstRate / copyRate).toFixed(2)}× the COPY rate; goal ≥ 0.33 and ≥ 10,000/s); peak RSS ${mb(first.peakRssBytes)} (goal ≤ 300 MB); ` +
      `stored ${fmt(Number(stored?.epapers))} epapers, ${fmt(Number(stored?.posts))} posts; CPU ${usPer(first.cpuSeconds, ARTICLES)} µs/article in the ` +
      `ingestion, ${usPer(first.backendCpuSeconds, ARTICLES)} µs/article in the database; load average ${loadAverage()}`,
  );
  console.log(first.output.trim().split("\n").filter((line) => !line.startsWith("ingest: ")).join("\n"));

  await client.query("CHECKPOINT");
  const second = await runIngestScript(db.url, jsonl, client);
  if (second.code !== 0) throw new Error(`pnpm ingest (re-run) failed (exit ${second.code}):\n${second.output}`);
  console.log(
    `re-run: ${second.seconds.toFixed(1)} s = ${(first.seconds / second.seconds).toFixed(1)}× faster than the first run (goal ≥ 3×); ` +
      `peak RSS ${mb(second.peakRssBytes)}; CPU ${usPer(second.cpuSeconds, ARTICLES)} µs/article in the ingestion, ` +
      `${usPer(second.backendCpuSeconds, ARTICLES)} in the database; load average ${loadAverage()}`,
  );
  console.log(second.output.trim().split("\n").filter((line) => !line.startsWith("ingest: ")).join("\n"));
} finally {
  await db.stop();
}
