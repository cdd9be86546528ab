import { createHash, randomUUID } from "node:crypto";
import type { IngestStatus } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import type { ClientBase } from "pg";
import type { SqlRunner } from "../sql";

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
export async function closeInterruptedRuns(sql: SqlRunner, file: string, exceptId: string | undefined): Promise<number> {
  const result = await sql.query(
    `UPDATE "IngestRun" SET "status" = 'FAILED', "finishedAt" = now(), "errors" = $3::jsonb
     WHERE "file" = $1 AND "status" = 'RUNNING' AND ($2::uuid IS NULL OR "id" <> $2::uuid)`,
    [file, exceptId ?? null, JSON.stringify([{ line: null, error: "interrupted before it finished; a later run of the same file completed it" }])],
  );
  return result.rowCount ?? 0;
}

export async function openRun(sql: SqlRunner, input: { file: string; triggeredById: string | null; existingRunId?: string }): Promise<string> {
  if (input.existingRunId) {
    const updated = await sql.query<{ id: string }>(
      `UPDATE "IngestRun" SET "file" = $2, "status" = 'RUNNING', "startedAt" = now(), "finishedAt" = NULL WHERE "id" = $1::uuid RETURNING "id"`,
      [input.existingRunId, input.file],
    );
    const run = updated.rows[0];
    if (!run) throw new AppError("NOT_FOUND", "No such ingestion run.");
    return run.id;
  }
  const created = await sql.query<{ id: string }>(
    `INSERT INTO "IngestRun" ("id", "file", "triggeredById") VALUES ($1::uuid, $2, $3::uuid) RETURNING "id"`,
    [randomUUID(), input.file, input.triggeredById],
  );
  return (created.rows[0] as { id: string }).id;
}

export async function finishRun(
  sql: SqlRunner,
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
  await sql.query(
    `UPDATE "IngestRun" SET "status" = $2::"IngestStatus", "fileSha256" = $3, "linesTotal" = $4, "inserted" = $5, "duplicates" = $6,
       "nearDuplicates" = $7, "invalid" = $8, "errors" = $9::jsonb, "finishedAt" = now()
     WHERE "id" = $1::uuid`,
    [
      runId, outcome.status, outcome.fileSha256, outcome.linesTotal, outcome.inserted, outcome.duplicates, outcome.nearDuplicates,
      outcome.invalid, JSON.stringify(outcome.errors.map((e) => ({ line: e.line, error: e.error }))),
    ],
  );
}
