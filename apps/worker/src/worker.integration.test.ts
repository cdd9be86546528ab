import { randomUUID } from "node:crypto";
import os from "node:os";
import { readWorkerHeartbeat } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { defineTask, enqueue } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cronItems } from "./crontab";
import type { LogFields } from "./logger";
import { startWorker } from "./worker";
import type { StartWorkerOptions, StartedWorker } from "./worker";

let url: string;
let db: Db;
let testDb: TestDatabase;
const logs: { level: string; message: string; fields?: LogFields }[] = [];
const running: StartedWorker[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ url, db } = testDb);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat"`;
});

afterAll(async () => {
  await testDb.drop();
});

async function start(taskList: TaskList, options: Partial<StartWorkerOptions> = {}) {
  const worker = await startWorker({
    connectionString: url,
    taskList,
    cronItems: [],
    pollInterval: 200,
    heartbeatIntervalMs: 100,
    log: (level, message, fields) => logs.push({ level, message, fields }),
    ...options,
  });
  running.push(worker);
  return worker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const jobsOf = (task: string) =>
  db.$queryRaw<
    { attempts: number; last_error: string | null; locked_at: Date | null; run_at: Date }[]
  >`
    SELECT attempts, last_error, locked_at, run_at FROM graphile_worker.jobs WHERE task_identifier = ${task}`;

describe("worker heartbeat", () => {
  it("reports the worker running while it lives and stopped once it has stopped", async () => {
    const worker = await start({});
    expect(worker.workerId).toMatch(new RegExp(`^${os.hostname()}:${process.pid}:[0-9a-f]{8}$`));

    const first = await readWorkerHeartbeat(db);
    expect(first).toMatchObject({ status: "running", workers: 1 });
    await sleep(350);
    const later = await readWorkerHeartbeat(db);
    expect(later.lastSeenAt?.getTime()).toBeGreaterThan(first.lastSeenAt?.getTime() ?? Infinity);

    await worker.stop();
    expect(await readWorkerHeartbeat(db)).toEqual({
      status: "stopped",
      workers: 0,
      lastSeenAt: null,
    });
  });

  it("counts a worker that stopped checking in as stopped, but remembers when it was last seen", async () => {
    await db.$executeRaw`
      INSERT INTO "WorkerHeartbeat" ("workerId", "hostname", "pid", "startedAt", "seenAt")
      VALUES ('crashed:1:00000000', 'crashed', 1, now() - interval '5 minutes', now() - interval '1 minute')`;
    const status = await readWorkerHeartbeat(db);
    expect(status).toMatchObject({ status: "stopped", workers: 0 });
    expect(Date.now() - (status.lastSeenAt?.getTime() ?? 0)).toBeGreaterThan(55_000);
    expect(await readWorkerHeartbeat(db, { maxAgeMs: 5 * 60_000 })).toMatchObject({
      status: "running",
      workers: 1,
    });
  });
});

describe("live worker", () => {
  it("runs a job committed with the caller's transaction, with the parsed payload", async () => {
    let receive: (payload: unknown) => void = () => undefined;
    const received = new Promise((resolve) => (receive = resolve));
    await start({
      "notification.send": defineTask("notification.send", (payload) => receive(payload)),
    });

    const notificationId = randomUUID();
    await db.$transaction((tx) => enqueue(tx, "notification.send", { notificationId }));

    await expect(Promise.race([received, sleep(10_000).then(() => "timed out")])).resolves.toEqual({
      notificationId,
    });
  });

  it("lets a running job finish before stop() resolves", async () => {
    let started: () => void = () => undefined;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    const worker = await start({
      "file.process": defineTask("file.process", async () => {
        started();
        await sleep(600);
        finished = true;
      }),
    });
    await enqueue(db, "file.process", { attachmentId: randomUUID() });
    await startedPromise;

    await worker.stop();
    expect(finished).toBe(true);
    expect(await jobsOf("file.process")).toHaveLength(0);
  });

  it("releases a job still running at the shutdown timeout so it is retried later", async () => {
    let started: () => void = () => undefined;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    const worker = await start(
      {
        "intel.ingestDir": defineTask("intel.ingestDir", async () => {
          started();
          await sleep(5_000);
        }),
      },
      { shutdownTimeoutMs: 300 },
    );
    await enqueue(db, "intel.ingestDir", {});
    await startedPromise;

    const before = Date.now();
    await worker.stop();
    expect(Date.now() - before).toBeLessThan(3_000);
    const [job] = await jobsOf("intel.ingestDir");
    expect(job).toMatchObject({ attempts: 1, locked_at: null });
    expect(job?.last_error).toMatch(/worker shut down before the job finished/);
    expect(job?.run_at.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses a schedule that would queue jobs nobody runs, or payloads the handler rejects", async () => {
    await expect(
      start({}, { cronItems: [{ task: "sla.escalateOverdue", match: "*/15 * * * *" }] }),
    ).rejects.toThrow(/cron item "sla.escalateOverdue" has no handler/);
    const handler = { "intel.ingestDir": defineTask("intel.ingestDir", () => undefined) };
    await expect(
      start(handler, {
        cronItems: [{ task: "intel.ingestDir", match: "0 1 * * *", payload: { path: "" } }],
      }),
    ).rejects.toThrow(/intel\.ingestDir.*path/);
  });

  it("starts with the real task lists and schedule: the 15-minute SLA escalation, the daily e-paper inbox run", async () => {
    const worker = await startWorker({ connectionString: url, log: () => undefined });
    running.push(worker);
    const known = await db.$queryRaw<
      { identifier: string }[]
    >`SELECT identifier FROM graphile_worker._private_known_crontabs`;
    expect(known.map((k) => k.identifier)).toEqual(
      expect.arrayContaining(["sla.escalateOverdue", "intel.ingestDir.daily"]),
    );
    // 06:00 in Asia/Kathmandu (the default zone) is 00:15 UTC, graphile-worker's cron time.
    expect(cronItems.find((item) => item.task === "intel.ingestDir")?.match).toBe("15 0 * * *");
  });

  it("schedules catalog tasks from cron items", async () => {
    await start(
      { "sla.escalateOverdue": defineTask("sla.escalateOverdue", () => undefined) },
      {
        cronItems: [
          { task: "sla.escalateOverdue", match: "*/15 * * * *", identifier: "sla-every-15" },
        ],
      },
    );
    const known = await db.$queryRaw<
      { identifier: string }[]
    >`SELECT identifier FROM graphile_worker._private_known_crontabs`;
    expect(known.map((k) => k.identifier)).toContain("sla-every-15");
  });
});
