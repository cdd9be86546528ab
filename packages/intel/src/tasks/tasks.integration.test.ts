import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { enqueue } from "@sunuwai/jobs";
import { Logger, runTaskListOnce } from "graphile-worker";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { article, createIntelTestDatabase, writeJsonl } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";
import { createIntelTasks } from "./index";

let t: IntelTestDatabase;
const root = mkdtempSync(path.join(os.tmpdir(), "intel-tasks-"));
const inbox = path.join(root, "epaper", "inbox");
const quiet = new Logger(() => () => undefined);

beforeAll(async () => {
  t = await createIntelTestDatabase();
  mkdirSync(inbox, { recursive: true });
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await t.drop();
  rmSync(root, { recursive: true, force: true });
});

const tasks = () => createIntelTasks({ db: () => t.db, inbox: () => inbox });

async function runDueJobs(): Promise<void> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await runTaskListOnce({ noHandleSignals: true, logger: quiet }, tasks(), client as unknown as pg.PoolClient).promise;
  } finally {
    await client.end();
  }
}

const jobErrors = () => t.db.$queryRaw<{ task: string; last_error: string | null }[]>`
  SELECT t.identifier AS task, j.last_error FROM graphile_worker._private_jobs j
  JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.last_error IS NOT NULL`;

describe("intel task handlers", () => {
  it("intel.ingestDir (the daily cron job) ingests the inbox and moves files to processed/ or failed/", async () => {
    writeJsonl(inbox, "2026-05-10.jsonl", [article({ ward: "KMC-03" }), article({ ward: "KMC-03" })]);
    writeJsonl(inbox, "broken.jsonl", ["{not json", '{"title": "no date"}']);
    await enqueue(t.db, "intel.ingestDir", { _cron: { ts: new Date().toISOString(), backfilled: false } });
    await runDueJobs();
    expect(existsSync(path.join(root, "epaper", "processed", "2026-05-10.jsonl"))).toBe(true);
    expect(existsSync(path.join(root, "epaper", "failed", "broken.jsonl"))).toBe(true);
    expect(existsSync(path.join(inbox, "2026-05-10.jsonl"))).toBe(false);
    expect(await t.db.post.count({ where: { ward: { code: "KMC-03" } } })).toBe(2);
    const runs = await t.db.ingestRun.findMany({ orderBy: { file: "asc" }, select: { file: true, status: true, inserted: true, invalid: true } });
    expect(runs).toEqual([
      { file: "2026-05-10.jsonl", status: "SUCCEEDED", inserted: 2, invalid: 0 },
      { file: "broken.jsonl", status: "FAILED", inserted: 0, invalid: 2 },
    ]);
    expect(await jobErrors()).toEqual([]);
  });

  it("intel.ingestFile ingests one inbox file into a run created beforehand", async () => {
    writeJsonl(inbox, "one.jsonl", [article({ ward: "KMC-04" })]);
    const run = await t.db.ingestRun.create({ data: { file: "one.jsonl" } });
    await enqueue(t.db, "intel.ingestFile", { path: "one.jsonl", ingestRunId: run.id });
    await runDueJobs();
    expect(await t.db.ingestRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "SUCCEEDED", inserted: 1 });
    expect(existsSync(path.join(root, "epaper", "processed", "one.jsonl"))).toBe(true);
  });

  it("intel.ingestFile refuses a path outside the e-paper folder", async () => {
    await enqueue(t.db, "intel.ingestFile", { path: "../../../etc/passwd" });
    await runDueJobs();
    const errors = await jobErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.last_error).toMatch(/Only files under .*epaper can be ingested by a job/);
    await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  });

  it("intel.recomputeWard rebuilds a ward's rollup from its posts", async () => {
    const wardId = t.wardId("KMC-03");
    await t.db.wardPulseDaily.deleteMany({ where: { wardId } });
    await enqueue(t.db, "intel.recomputeWard", { wardId });
    await runDueJobs();
    const rows = await t.db.wardPulseDaily.findMany({ where: { wardId } });
    expect(rows.reduce((sum, r) => sum + r.posts, 0)).toBe(2);
    expect(await jobErrors()).toEqual([]);
  });
});
