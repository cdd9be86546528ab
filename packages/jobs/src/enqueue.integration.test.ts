import { randomUUID } from "node:crypto";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { Logger, runTaskListOnce } from "graphile-worker";
import type { TaskList } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TaskPayload } from "./catalog";
import { defineTask } from "./define-task";
import { enqueue, enqueueSql } from "./enqueue";
import { installJobQueue } from "./index";

const quiet = new Logger(() => () => undefined);

let url: string;
let db: Db;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ url, db } = testDb);
  // Installs graphile-worker's schema unless the template already has it (idempotent either way).
  await installJobQueue(url);
});

afterAll(async () => {
  await testDb.drop();
});

beforeEach(async () => {
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

const pendingJobs = (task: string) =>
  db.$queryRaw<{ id: string; key: string | null; last_error: string | null; attempts: number }[]>`
    SELECT id::text, key, last_error, attempts FROM graphile_worker.jobs WHERE task_identifier = ${task} ORDER BY id`;

/** Runs every job that is due with graphile-worker's own runner, then returns. */
async function runDueJobs(taskList: TaskList): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    await runTaskListOnce({ noHandleSignals: true, logger: quiet }, taskList, client).promise;
  } finally {
    client.release();
    await pool.end();
  }
}

class Rollback extends Error {}

describe("enqueue", () => {
  it("adds no job when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, "grievance.classify", { grievanceId: randomUUID() });
        throw new Rollback("undo");
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await pendingJobs("grievance.classify")).toHaveLength(0);
  });

  it("commits the job with the transaction, and the worker runs it with the parsed payload", async () => {
    const grievanceId = randomUUID();
    const jobId = await db.$transaction((tx) =>
      enqueue(tx, "grievance.translate", { grievanceId, targetLanguage: "ne" }),
    );
    expect(jobId).toMatch(/^\d+$/);
    expect((await pendingJobs("grievance.translate")).map((j) => j.id)).toEqual([jobId]);

    const seen: TaskPayload<"grievance.translate">[] = [];
    await runDueJobs({
      "grievance.translate": defineTask(
        "grievance.translate",
        (payload) => void seen.push(payload),
      ),
    });

    expect(seen).toEqual([{ grievanceId, targetLanguage: "ne" }]);
    expect(await pendingJobs("grievance.translate")).toHaveLength(0);
  });

  it("refuses an invalid payload, naming the field, and queues nothing", async () => {
    await expect(
      db.$transaction((tx) => enqueue(tx, "file.process", { attachmentId: "not-a-uuid" })),
    ).rejects.toThrow(/file\.process.*attachmentId: Invalid UUID/);
    expect(await pendingJobs("file.process")).toHaveLength(0);
  });

  it("adds a job from inside a larger statement, which the worker runs with its payload", async () => {
    const grievanceId = randomUUID();
    const [row] = await db.$queryRaw<{ id: string; marker: number }[]>`
      WITH job AS (SELECT job.id FROM ${enqueueSql("grievance.followUps", { grievanceId })} AS job)
      SELECT (SELECT id::text FROM job) AS id, 7 AS marker`;
    expect(row?.marker).toBe(7);
    expect((await pendingJobs("grievance.followUps")).map((j) => j.id)).toEqual([row?.id]);

    const seen: string[] = [];
    await runDueJobs({
      "grievance.followUps": defineTask(
        "grievance.followUps",
        (p) => void seen.push(p.grievanceId),
      ),
    });
    expect(seen).toEqual([grievanceId]);
  });

  it("refuses an invalid payload as SQL too, before anything reaches the database", () => {
    expect(() => enqueueSql("file.process", { attachmentId: "not-a-uuid" })).toThrow(
      /file\.process.*attachmentId: Invalid UUID/,
    );
  });

  it("keeps one pending job per jobKey, carrying the latest payload", async () => {
    const first = randomUUID();
    const second = randomUUID();
    const a = await enqueue(
      db,
      "intel.recomputeWard",
      { wardId: first },
      { jobKey: "ward-recompute" },
    );
    const b = await enqueue(
      db,
      "intel.recomputeWard",
      { wardId: second },
      { jobKey: "ward-recompute" },
    );
    expect(b).toBe(a);
    expect(await pendingJobs("intel.recomputeWard")).toHaveLength(1);

    const seen: string[] = [];
    await runDueJobs({
      "intel.recomputeWard": defineTask("intel.recomputeWard", (p) => void seen.push(p.wardId)),
    });
    expect(seen).toEqual([second]);
  });

  it("holds a job until its runAt and passes queue, priority and attempts through", async () => {
    const runAt = new Date(Date.now() + 60 * 60 * 1000);
    await enqueue(
      db,
      "notification.send",
      { notificationId: randomUUID() },
      { runAt, queueName: "notifications", priority: -5, maxAttempts: 3 },
    );
    const [row] = await db.$queryRaw<
      { run_at: Date; queue_name: string; priority: number; max_attempts: number }[]
    >`
      SELECT run_at, queue_name, priority, max_attempts FROM graphile_worker.jobs WHERE task_identifier = 'notification.send'`;
    expect(row).toEqual({
      run_at: runAt,
      queue_name: "notifications",
      priority: -5,
      max_attempts: 3,
    });

    let ran = false;
    await runDueJobs({
      "notification.send": defineTask("notification.send", () => void (ran = true)),
    });
    expect(ran).toBe(false);
  });

  it("records which field was wrong on a job whose payload bypassed enqueue", async () => {
    await db.$executeRaw`SELECT graphile_worker.add_job('grievance.summarize', '{"grievanceId": 7}'::json)`;
    let called = false;
    await runDueJobs({
      "grievance.summarize": defineTask("grievance.summarize", () => void (called = true)),
    });
    expect(called).toBe(false);
    const [job] = await pendingJobs("grievance.summarize");
    expect(job?.attempts).toBe(1);
    expect(job?.last_error).toMatch(/grievanceId: Invalid input: expected string, received number/);
  });

  it("explains how to install the job queue in a database that lacks it", async () => {
    const bare = await createTestDatabase();
    try {
      await bare.db.$executeRaw`DROP SCHEMA IF EXISTS graphile_worker CASCADE`;
      await expect(
        enqueue(bare.db, "file.process", { attachmentId: randomUUID() }),
      ).rejects.toThrow(/job queue is not installed.*installJobQueue/);
      await installJobQueue(bare.url);
      await expect(
        enqueue(bare.db, "file.process", { attachmentId: randomUUID() }),
      ).resolves.toMatch(/^\d+$/);
    } finally {
      await bare.drop();
    }
  });
});
