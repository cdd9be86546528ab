import { createHash } from "node:crypto";
import type { Db, IngestStatus } from "@sunuwai/db";
import type { ClientBase } from "pg";

/** Stored line errors per run; the counts stay exact beyond it. */
export const MAX_RECORDED_ERRORS = 1000;

export interface LineError {
  /** 1-based line number; null for an error about the whole file. */
  line: number | null;
  error: string;
}

/** Two int4 keys for pg_advisory_lock: a namespace for file ingestion, and the file's path hashed. */
function fileLockKeys(absolutePath: string): [number, number] {
  const digest = createHash("sha256").update(absolutePath).digest();
  return [0x494e4753 /* "INGS" */, digest.readInt32BE(0)];
}

/** Serialises ingestions of one file across processes: a second run waits, then finds every line stored. */
export async function lockFile(client: ClientBase, absolutePath: string): Promise<() => Promise<void>> {
  const [namespace, key] = fileLockKeys(absolutePath);
  await client.query("SELECT pg_advisory_lock($1, $2)", [namespace, key]);
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1, $2)", [namespace, key]);
  };
}

/**
 * Runs of this file still marked RUNNING while we hold its lock were killed: mark them FAILED so the dashboard does
 * not show them as live forever.
 */
export async function closeInterruptedRuns(db: Db, file: string, exceptId: string | undefined): Promise<number> {
  const result = await db.ingestRun.updateMany({
    where: { file, status: "RUNNING", ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: {
      status: "FAILED",
      finishedAt: new Date(),
      errors: [{ line: null, error: "interrupted before it finished; a later run of the same file completed it" }],
    },
  });
  return result.count;
}

export async function openRun(db: Db, input: { file: string; triggeredById: string | null; existingRunId?: string }): Promise<string> {
  if (input.existingRunId) {
    const run = await db.ingestRun.update({
      where: { id: input.existingRunId },
      data: { file: input.file, status: "RUNNING", startedAt: new Date(), finishedAt: null },
      select: { id: true },
    });
    return run.id;
  }
  const run = await db.ingestRun.create({ data: { file: input.file, triggeredById: input.triggeredById }, select: { id: true } });
  return run.id;
}

export async function finishRun(
  db: Db,
  runId: string,
  outcome: {
    status: IngestStatus;
    fileSha256: string | null;
    linesTotal: number;
    inserted: number;
    duplicates: number;
    nearDuplicates: number;
    invalid: number;
    errors: LineError[];
  },
): Promise<void> {
  await db.ingestRun.update({
    where: { id: runId },
    data: {
      status: outcome.status,
      fileSha256: outcome.fileSha256,
      linesTotal: outcome.linesTotal,
      inserted: outcome.inserted,
      duplicates: outcome.duplicates,
      nearDuplicates: outcome.nearDuplicates,
      invalid: outcome.invalid,
      errors: outcome.errors.map((e) => ({ line: e.line, error: e.error })),
      finishedAt: new Date(),
    },
  });
}
