// Issue 5 ingestion goals: 1,000,000 generated ~1 KB articles through `pnpm ingest` (spawned exactly as the root
// script runs it) against a plain COPY of the same rows into a table with Epaper's indexes and checks; the process's
// peak RSS; and a re-run of the same file. BENCH_ARTICLES scales the run down.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { fmt, insertSeedWards, loadAverage, mb, startBenchDatabase } from "./bench-database";
import { generateArticles } from "./generate-articles";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
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
    const fields = [uuidV7(), sha, a.publication_name, a.publication_date, a.title, a.body, a.url, a.city, a.party, a.language, a.ward, sha256(a.title ?? ""), null];
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

/** Runs the root `ingest` script on `file` and samples the peak RSS (VmHWM) of its processes until it exits. */
async function runIngestScript(url: string, file: string): Promise<ChildRun> {
  const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const [command, ...args] = (pkg.scripts.ingest ?? "").split(/\s+/u).filter(Boolean);
  if (!command) throw new Error("no `ingest` script in package.json");
  const started = performance.now();
  const child = spawn(command === "node" ? process.execPath : command, [...args, file], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url, PATH: `${path.join(repoRoot, "node_modules/.bin")}:${process.env.PATH ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of descendants(child.pid ?? 0)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, vmHwm(pid)));
  };
  const timer = setInterval(sample, 50);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakRssBytes: Math.max(0, ...peaks.values()), code, output };
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
  const copyStarted = performance.now();
  await pipeline(
    createReadStream(baselineFile),
    client.query(copyFrom(`COPY bench_copy_epaper ("id", "sha256", "publicationName", "publicationDate", "title", "body", "url", "city", "party", "language", "wardHint", "titleHash", "ingestRunId") FROM STDIN`)),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const copyRate = rows / copySeconds;
  console.log(`baseline COPY: ${fmt(rows)} rows in ${copySeconds.toFixed(1)} s = ${fmt(copyRate)} rows/s; load average ${loadAverage()}`);
  await client.query("DROP TABLE bench_copy_epaper");
  await client.query("CHECKPOINT");

  const first = await runIngestScript(db.url, jsonl);
  if (first.code !== 0) throw new Error(`pnpm ingest failed (exit ${first.code}):\n${first.output}`);
  const firstRate = ARTICLES / first.seconds;
  const stored = (await client.query<{ epapers: string; posts: string }>(`SELECT (SELECT count(*) FROM "Epaper") AS epapers, (SELECT count(*) FROM "Post") AS posts`)).rows[0];
  console.log(
    `pnpm ingest: ${fmt(ARTICLES)} articles in ${first.seconds.toFixed(1)} s = ${fmt(firstRate)} articles/s ` +
      `(${(firstRate / copyRate).toFixed(2)}× the COPY rate; goal ≥ 0.33 and ≥ 10,000/s); peak RSS ${mb(first.peakRssBytes)} (goal ≤ 300 MB); ` +
      `stored ${fmt(Number(stored?.epapers))} epapers, ${fmt(Number(stored?.posts))} posts; load average ${loadAverage()}`,
  );
  console.log(first.output.trim().split("\n").filter((line) => !line.startsWith("ingest: ")).join("\n"));

  await client.query("CHECKPOINT");
  const second = await runIngestScript(db.url, jsonl);
  if (second.code !== 0) throw new Error(`pnpm ingest (re-run) failed (exit ${second.code}):\n${second.output}`);
  console.log(
    `re-run: ${second.seconds.toFixed(1)} s = ${(first.seconds / second.seconds).toFixed(1)}× faster than the first run (goal ≥ 3×); ` +
      `peak RSS ${mb(second.peakRssBytes)}; load average ${loadAverage()}`,
  );
  console.log(second.output.trim().split("\n").filter((line) => !line.startsWith("ingest: ")).join("\n"));
  console.log(`(JSONL file ${mb(statSync(jsonl).size)})`);
} finally {
  await db.stop();
}
