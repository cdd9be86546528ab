import type { Db, IngestRun } from "@sunuwai/db";
import type { IngestRunListInput, IngestRunView } from "@sunuwai/validators";
import { ingestRunListInputSchema } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";

function toRunView(run: IngestRun): IngestRunView {
  const errors = Array.isArray(run.errors)
    ? run.errors.flatMap((e) =>
        typeof e === "object" && e !== null && !Array.isArray(e) && typeof e.error === "string"
          ? [{ line: typeof e.line === "number" ? e.line : null, error: e.error }]
          : [],
      )
    : [];
  return {
    id: run.id,
    file: run.file,
    fileSha256: run.fileSha256,
    status: run.status,
    linesTotal: run.linesTotal,
    inserted: run.inserted,
    duplicates: run.duplicates,
    nearDuplicates: run.nearDuplicates,
    invalid: run.invalid,
    errors,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    triggeredById: run.triggeredById,
  };
}

/** Ingestion runs, newest first (their counters move while a run is RUNNING). */
export async function listIngestRuns(db: Db, rawInput: IngestRunListInput = {}): Promise<{ items: IngestRunView[]; nextCursor: string | null }> {
  const input = ingestRunListInputSchema.parse(rawInput);
  const rows = await db.ingestRun.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit).map(toRunView);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getIngestRun(db: Db, input: { id: string }): Promise<IngestRunView> {
  const run = await db.ingestRun.findUnique({ where: { id: input.id } });
  if (!run) throw new AppError("NOT_FOUND", "No such ingestion run.");
  return toRunView(run);
}

/** A RUNNING run row created before the job starts, so the dashboard shows it at once. */
export async function createPendingIngestRun(db: Db, input: { file: string; triggeredById: string | null }): Promise<IngestRunView> {
  return toRunView(await db.ingestRun.create({ data: { file: input.file, triggeredById: input.triggeredById } }));
}
