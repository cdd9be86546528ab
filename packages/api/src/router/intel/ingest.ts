import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@sunuwai/db";
import { epaperInbox, getIngestRun, listInboxFiles, listIngestRuns } from "@sunuwai/intel";
import { enqueue } from "@sunuwai/jobs";
import { AppError, ingestRunListInputSchema, ingestRunSchema } from "@sunuwai/validators";
import { z } from "zod";
import { adminProcedure, analystProcedure, createTRPCRouter } from "../../trpc";
import { idInputSchema, inboxFileSchema, ingestInputSchema, ingestRunListSchema } from "./schemas";

/** The inbox file `name` (already checked to be a bare file name), refusing anything that resolves outside the inbox. */
async function inboxFile(inbox: string, name: string): Promise<string> {
  const missing = new AppError("NOT_FOUND", `There is no file ${name} in the e-paper inbox.`);
  const [root, file] = await Promise.all([
    realpath(inbox).catch(() => null),
    realpath(path.join(inbox, name)).catch(() => null),
  ]);
  if (!root || !file) throw missing;
  // A symlink in the inbox must not lead the worker to a file elsewhere.
  if (path.dirname(file) !== root)
    throw new AppError("FORBIDDEN", "Only files inside the e-paper inbox can be ingested.");
  if (!(await stat(file)).isFile()) throw missing;
  return file;
}

/**
 * Queues `intel.ingestFile` for an inbox file behind a RUNNING run row (so the dashboard shows it at once), in one
 * transaction. A file already queued or being ingested is refused rather than queued twice.
 */
async function queueInboxIngestion(db: Db, input: { file: string; userId: string }) {
  const inbox = epaperInbox();
  await inboxFile(inbox, input.file);
  const jobKey = `intel.ingestFile:${input.file}`;
  const runId = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${jobKey}))`;
    const queued = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM graphile_worker.jobs WHERE key = ${jobKey} AND attempts < max_attempts`;
    if (queued.length > 0)
      throw new AppError("CONFLICT", `${input.file} is already queued for ingestion.`);
    const run = await tx.ingestRun.create({
      data: { file: input.file, triggeredById: input.userId },
      select: { id: true },
    });
    await enqueue(
      tx,
      "intel.ingestFile",
      { path: input.file, ingestRunId: run.id },
      { jobKey, maxAttempts: 3 },
    );
    return run.id;
  });
  return getIngestRun(db, { id: runId });
}

async function inboxFiles() {
  const files = await listInboxFiles(epaperInbox());
  const described = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file).catch(() => null);
      return info?.isFile()
        ? [{ name: path.basename(file), bytes: info.size, modifiedAt: info.mtime }]
        : [];
    }),
  );
  return described.flat();
}

export const ingestRunsRouter = createTRPCRouter({
  /** Ingestion runs newest first; counters move while a run is RUNNING. Analysts read, admins also start runs. */
  list: analystProcedure
    .input(ingestRunListInputSchema.optional())
    .output(ingestRunListSchema)
    .query(({ ctx, input }) => listIngestRuns(ctx.db, input ?? {})),
  /** One run with its bad lines (line number and reason). */
  detail: analystProcedure
    .input(idInputSchema)
    .output(ingestRunSchema)
    .query(({ ctx, input }) => getIngestRun(ctx.db, input)),
});

export const ingestProcedures = {
  /** JSONL files waiting in `<DATA_DIR>/epaper/inbox`. */
  inboxFiles: adminProcedure.output(z.array(inboxFileSchema)).query(() => inboxFiles()),
  /** Queues the ingestion of an inbox file; the returned run is RUNNING until the worker finishes it. */
  ingest: adminProcedure
    .input(ingestInputSchema)
    .output(ingestRunSchema)
    .mutation(({ ctx, input }) =>
      queueInboxIngestion(ctx.db, { file: input.file, userId: ctx.viewer.id }),
    ),
};
