import { EventEmitter } from "node:events";
import { createDb } from "@sunuwai/db";
import { isTaskName, parseTaskPayload } from "@sunuwai/jobs";
import { parseCronItems, run } from "graphile-worker";
import pg from "pg";
import type { CronItem, Runner, TaskList, WorkerEvents, WorkerPool } from "graphile-worker";
import { cronItems as defaultCronItems } from "./crontab";
import { startHeartbeat } from "./heartbeat";
import type { Heartbeat } from "./heartbeat";
import { createJsonLog, graphileLogger } from "./logger";
import type { Log } from "./logger";
import { defaultTaskList } from "./tasks";

export interface StartWorkerOptions {
  connectionString: string;
  /** Default: the helpdesk + intel task lists. */
  taskList?: TaskList;
  /** Default: the schedule in src/crontab.ts. */
  cronItems?: CronItem[];
  concurrency?: number;
  pollInterval?: number;
  heartbeatIntervalMs?: number;
  /** How long `stop()` lets running jobs finish before releasing them for a retry. */
  shutdownTimeoutMs?: number;
  log?: Log;
}

export interface StartedWorker {
  runner: Runner;
  workerId: string;
  /** Stops taking jobs, waits for running ones (up to the shutdown timeout), then removes the heartbeat. */
  stop(): Promise<void>;
}

/** Parses the schedule, refusing items that would queue jobs nobody runs or whose payload the handler rejects. */
function parseSchedule(items: CronItem[], taskList: TaskList) {
  for (const item of items) {
    if (!isTaskName(item.task))
      throw new Error(`cron item "${item.task}" is not a task in @sunuwai/jobs' catalog`);
    if (!taskList[item.task])
      throw new Error(`cron item "${item.task}" has no handler in the task list`);
    parseTaskPayload(item.task, {
      ...item.payload,
      _cron: { ts: new Date().toISOString(), backfilled: false },
    });
  }
  return parseCronItems(items);
}

export async function startWorker(options: StartWorkerOptions): Promise<StartedWorker> {
  const log = options.log ?? createJsonLog("info");
  const taskList = options.taskList ?? defaultTaskList();
  const parsedCronItems = parseSchedule(options.cronItems ?? defaultCronItems, taskList);
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 8_000;

  // The pool is only reachable through its creation event; a stop past the timeout needs it to release jobs.
  const events = new EventEmitter() as WorkerEvents;
  let pool: WorkerPool | undefined;
  events.on("pool:create", ({ workerPool }) => {
    pool = workerPool;
  });

  const db = createDb(options.connectionString, { max: 2 });
  // Our own pool with a permanent error listener: a database restart must not crash the worker with an
  // unhandled 'error' event (graphile-worker's listener is gone while it shuts down); it reconnects instead.
  const pgPool = new pg.Pool({ connectionString: options.connectionString, max: (options.concurrency ?? 4) + 2 });
  pgPool.on("error", (error) => log("warning", "database connection lost", { error: error.message }));
  // A checked-out client's error would otherwise crash the process; graphile-worker releases and retries it.
  pgPool.on("connect", (client) => {
    client.on("error", (error) => log("warning", "database client error", { error: error.message }));
  });
  const runner = await run({
    events,
    pgPool,
    taskList,
    parsedCronItems,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollInterval ?? 2000,
    // Jobs get an abort signal this long into a shutdown; cooperative handlers wind down before the hard stop.
    gracefulShutdownAbortTimeout: Math.max(0, shutdownTimeoutMs - 2000),
    // We handle signals ourselves so a graceful stop exits 0 instead of re-raising the signal.
    noHandleSignals: true,
    logger: graphileLogger(log),
    // Batched completion is flushed on shutdown; the unbatched default fires the final UPDATE without awaiting
    // it, so a job that finished during a graceful stop could stay locked until graphile resets it.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  }).catch(async (error: unknown) => {
    await db.$disconnect();
    await pgPool.end();
    throw error;
  });

  let heartbeat: Heartbeat;
  try {
    heartbeat = await startHeartbeat(db, {
      intervalMs: options.heartbeatIntervalMs ?? 10_000,
      log,
    });
  } catch (error) {
    await runner.stop();
    await db.$disconnect();
    await pgPool.end();
    throw error;
  }
  const { workerId } = heartbeat;
  log("info", "worker started", {
    workerId,
    tasks: Object.keys(taskList).length,
    cronItems: parsedCronItems.length,
  });

  const drain = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), shutdownTimeoutMs);
    });
    const stopped = runner.stop();
    const outcome = await Promise.race([stopped.then(() => "stopped" as const), timedOut]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      log("warning", "jobs still running at the shutdown timeout; releasing them for a retry", {
        workerId,
      });
      // Marks the running jobs failed (with this message) so they are retried, instead of staying locked.
      await pool?.forcefulShutdown("worker shut down before the job finished");
      await stopped.catch(() => undefined);
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      log("info", "worker stopping", { workerId });
      try {
        await drain();
      } finally {
        await heartbeat.stop();
        await db.$disconnect();
        await pgPool.end();
      }
      log("info", "worker stopped", { workerId });
    })();
    return stopping;
  };

  return { runner, workerId, stop };
}
