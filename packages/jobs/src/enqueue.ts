import { Prisma } from "@sunuwai/db";
import type { Tx } from "@sunuwai/db";
import { parseTaskPayload } from "./catalog";
import type { TaskName, TaskPayloadInput } from "./catalog";

export interface EnqueueSpec {
  /** Run no earlier than this (default: now). */
  runAt?: Date;
  /** Attempts before the job is left failed (graphile-worker's default: 25). */
  maxAttempts?: number;
  /** At most one pending job per key: a later enqueue with the same key updates it instead of adding one. */
  jobKey?: string;
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  /** Jobs sharing a queue run one at a time; only for real serialisation needs. */
  queueName?: string;
  /** Lower runs first (default 0). */
  priority?: number;
}

/** Anything that can run a raw query: a transaction client, or the db itself for a standalone job. */
export type SqlClient = Pick<Tx, "$queryRaw">;

const SMALLINT_MAX = 32767;

function checkSpec(spec: EnqueueSpec): void {
  const { maxAttempts, priority, runAt } = spec;
  if (
    maxAttempts !== undefined &&
    !(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= SMALLINT_MAX)
  ) {
    throw new RangeError(`maxAttempts must be an integer from 1 to ${SMALLINT_MAX}`);
  }
  if (
    priority !== undefined &&
    !(Number.isInteger(priority) && Math.abs(priority) <= SMALLINT_MAX)
  ) {
    throw new RangeError(`priority must be an integer from -${SMALLINT_MAX} to ${SMALLINT_MAX}`);
  }
  if (runAt !== undefined && Number.isNaN(runAt.getTime()))
    throw new RangeError("runAt is not a valid date");
}

/** graphile_worker.add_job (0.18: identifier, payload, queue_name, run_at, max_attempts, job_key, priority, flags, job_key_mode). */
function addJobCall(name: string, payload: unknown, spec: EnqueueSpec): Prisma.Sql {
  return Prisma.sql`graphile_worker.add_job(
    identifier => ${name}::text,
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${spec.queueName ?? null}::text,
    run_at => ${spec.runAt ?? null}::timestamptz,
    max_attempts => ${spec.maxAttempts ?? null}::smallint,
    job_key => ${spec.jobKey ?? null}::text,
    priority => ${spec.priority ?? null}::smallint,
    job_key_mode => ${spec.jobKeyMode ?? "replace"}::text
  )`;
}

async function addJob(
  tx: SqlClient,
  name: string,
  payload: unknown,
  spec: EnqueueSpec,
): Promise<string | undefined> {
  try {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT job.id::text AS id FROM ${addJobCall(name, payload, spec)} AS job`;
    return rows[0]?.id;
  } catch (error) {
    if (
      error instanceof Error &&
      error.message.includes('schema "graphile_worker" does not exist')
    ) {
      throw new Error(
        "The job queue is not installed in this database: start the worker once, or call installJobQueue() from @sunuwai/jobs.",
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * The same job as `enqueue` (payload validated against the catalog), as a SQL expression yielding the job row,
 * for a caller that adds it inside a larger statement to save a round trip. The statement must read the
 * expression's result (e.g. from a CTE it selects from), or the job is not added.
 */
export function enqueueSql<Name extends TaskName>(
  name: Name,
  payload: TaskPayloadInput<Name>,
  spec: EnqueueSpec = {},
): Prisma.Sql {
  const parsed = parseTaskPayload(name, payload);
  checkSpec(spec);
  return addJobCall(name, parsed, spec);
}

/**
 * Validates `payload` against the catalog and adds the job through `tx`, so the job commits (or rolls back)
 * together with the caller's rows. Returns graphile-worker's job id.
 */
export async function enqueue<Name extends TaskName>(
  tx: SqlClient,
  name: Name,
  payload: TaskPayloadInput<Name>,
  spec: EnqueueSpec = {},
): Promise<string> {
  const parsed = parseTaskPayload(name, payload);
  checkSpec(spec);
  const id = await addJob(tx, name, parsed, spec);
  if (!id) throw new Error(`graphile_worker.add_job returned no job for task "${name}"`);
  return id;
}
