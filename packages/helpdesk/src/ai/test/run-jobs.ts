import type { Db } from "@sunuwai/db";
import { Logger, runOnce } from "graphile-worker";
import type { TaskList } from "graphile-worker";

export interface JobRow {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
}

/** graphile-worker's log, kept in memory so tests stay quiet but can look at it. */
export function memoryLogger(lines: string[] = []): Logger {
  return new Logger(() => (level, message) => {
    lines.push(`${level}: ${message}`);
  });
}

export async function pendingJobs(db: Db): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`
    SELECT id::text AS id, task_identifier AS task, attempts, max_attempts AS "maxAttempts", last_error AS "lastError"
    FROM graphile_worker.jobs ORDER BY id`;
}

/** Lowers the attempt budget of the queued jobs of `task`, so a test reaches the last attempt quickly. */
export async function limitAttempts(db: Db, task: string, maxAttempts: number): Promise<void> {
  await db.$queryRaw`
    SELECT graphile_worker.reschedule_jobs(array_agg(id), max_attempts => ${maxAttempts}::int)
    FROM graphile_worker.jobs WHERE task_identifier = ${task} HAVING count(*) > 0`;
}

/**
 * Runs the real graphile-worker over `taskList` until no job is left: after each pass, jobs that failed and
 * wait for a retry are rescheduled to now (the backoff is graphile-worker's, the waiting is skipped).
 * Jobs out of attempts stay in the table, as they would in production; jobs of tasks outside `taskList` wait.
 */
export async function runJobs(
  db: Db,
  url: string,
  taskList: TaskList,
  options: { maxPasses?: number; log?: string[] } = {},
): Promise<number> {
  const logger = memoryLogger(options.log);
  for (let pass = 1; pass <= (options.maxPasses ?? 30); pass += 1) {
    await runOnce({
      connectionString: url,
      taskList,
      concurrency: 1,
      noHandleSignals: true,
      logger,
    });
    const retrying = (await pendingJobs(db)).filter(
      (job) => job.task in taskList && job.attempts < job.maxAttempts,
    );
    if (retrying.length === 0) return pass;
    await db.$queryRaw`SELECT graphile_worker.reschedule_jobs(${retrying.map((job) => BigInt(job.id))}::bigint[], run_at => now())`;
  }
  throw new Error("jobs were still being retried after the maximum number of passes");
}
