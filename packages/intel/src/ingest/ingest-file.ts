import { stat } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db, IngestStatus } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import type { ClientBase } from "pg";
import type { PostAnalyser } from "../analysis/analyser";
import { LexiconAnalyser } from "../analysis/lexicon-analyser";
import { raiseAlertsForIngestion } from "../alerts/raise";
import type { AlertSummary } from "../alerts/raise";
import type { NearDuplicateOptions } from "../dedup/near-duplicates";
import { postedAt, RollupAccumulator } from "../pulse/rollup";
import { sqlThroughPrisma } from "../sql";
import type { SqlRunner } from "../sql";
import { prepareSession, writeBatch } from "./batch-writer";
import { parseEpaperLine } from "./line-schema";
import { prepareArticle } from "./prepare";
import type { PreparedArticle } from "./prepare";
import { readLines } from "./read-lines";
import { BatchStager } from "./stage-batch";
import type { StagedBatch } from "./stage-batch";
import { closeInterruptedRuns, finishRun, lockFile, MAX_RECORDED_ERRORS, openRun } from "./run-record";
import type { LineError } from "./run-record";

export interface IngestProgress {
  linesRead: number;
  bytesRead: number;
  totalBytes: number;
  inserted: number;
  duplicates: number;
  nearDuplicates: number;
  invalid: number;
  elapsedMs: number;
}

export interface IngestFileInput {
  path: string;
  /** Name recorded on the run; default: the path relative to `inboxDir` when inside it, else the absolute path. */
  displayName?: string;
  inboxDir?: string;
  triggeredById?: string | null;
  /** A RUNNING run created earlier (the admin mutation shows it before the job starts). */
  ingestRunId?: string;
  /** Lines per write batch (default 2,000); a batch also closes at `batchBytes` of text (default 8 MB). */
  batchSize?: number;
  batchBytes?: number;
  analyser?: PostAnalyser;
  nearDuplicates?: NearDuplicateOptions;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestResult {
  runId: string;
  file: string;
  status: IngestStatus;
  linesTotal: number;
  inserted: number;
  duplicates: number;
  nearDuplicates: number;
  invalid: number;
  /** First MAX_RECORDED_ERRORS line errors. */
  errors: LineError[];
  alerts: AlertSummary;
  durationMs: number;
}

/**
 * What an ingestion runs on: `pg`, a dedicated connection for the writes (COPY, one transaction per batch), the run's
 * record and the file's lock; `read`, for the reads that overlap those writes (stored sha256s, originals) and the
 * alerts afterwards — a second plain connection (the CLI's, which never loads Prisma), else `db`'s pool, else `pg`
 * itself (correct, but the reads then wait for the writes).
 */
export interface IngestDeps {
  pg: ClientBase;
  read?: SqlRunner;
  db?: Db;
}

const DEFAULT_BATCH = 2000;
const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;
const RETRYABLE = new Set(["40P01", "40001"]);

function displayNameFor(absolutePath: string, inboxDir: string | undefined): string {
  if (inboxDir) {
    const relative = path.relative(path.resolve(inboxDir), absolutePath);
    if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) return relative;
  }
  return absolutePath;
}

function sqlState(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/**
 * Ingests one JSONL file of e-paper articles: streamed line by line, each line validated, stored in batches
 * (epapers by sha256, one post each), near-duplicates linked, wards assigned, the rollup updated, and alerts
 * raised for the wards it touched. Safe to run twice, concurrently, or again after being killed.
 */
export async function ingestFile(deps: IngestDeps, input: IngestFileInput): Promise<IngestResult> {
  const { pg } = deps;
  const started = Date.now();
  const absolutePath = path.resolve(input.path);
  const file = input.displayName ?? displayNameFor(absolutePath, input.inboxDir);
  const unlock = await lockFile(pg, absolutePath);
  try {
    const info = await stat(absolutePath).catch(() => null);
    if (!info?.isFile()) {
      if (input.ingestRunId) {
        await finishRun(pg, input.ingestRunId, {
          status: "FAILED", fileSha256: null, linesTotal: 0, inserted: 0, duplicates: 0, nearDuplicates: 0, invalid: 0,
          errors: [{ line: null, error: "file not found" }],
        });
      }
      throw new AppError("NOT_FOUND", `No file to ingest at ${file}.`);
    }
    await closeInterruptedRuns(pg, file, input.ingestRunId);
    const runId = await openRun(pg, { file, triggeredById: input.triggeredById ?? null, existingRunId: input.ingestRunId });
    const read = deps.read ?? (deps.db ? sqlThroughPrisma(deps.db) : pg);
    return await runIngestion({ pg, read, input, runId, file, absolutePath, totalBytes: info.size, started });
  } finally {
    // A broken connection already released the lock; do not let that hide the error that broke it.
    await unlock().catch(() => undefined);
  }
}

/** Lines parsed between turns of the event loop, so the COPY of the batch before keeps streaming meanwhile. */
const LINES_PER_TURN = 50;

async function runIngestion(ctx: {
  pg: ClientBase;
  read: SqlRunner;
  input: IngestFileInput;
  runId: string;
  file: string;
  absolutePath: string;
  totalBytes: number;
  started: number;
}): Promise<IngestResult> {
  const { pg, input, runId } = ctx;
  const analyser = input.analyser ?? new LexiconAnalyser();
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  const batchBytes = input.batchBytes ?? DEFAULT_BATCH_BYTES;
  const totals = { linesTotal: 0, inserted: 0, duplicates: 0, nearDuplicates: 0, invalid: 0 };
  const errors: LineError[] = [];
  const affected = new Map<string, Set<string>>();
  const source = readLines(ctx.absolutePath);

  const progress = () =>
    input.onProgress?.({ linesRead: totals.linesTotal, bytesRead: source.bytesRead(), totalBytes: ctx.totalBytes, ...totals, elapsedMs: Date.now() - ctx.started });

  const write = async (batch: StagedBatch) => {
    const { articles } = batch;
    let committed = { inserted: 0, nearDuplicates: 0 };
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await writeBatch(pg, {
          runId,
          analysedBy: analyser.id,
          articles,
          copy: batch.copy,
          rollup: (insertedShas) => {
            const rollup = new RollupAccumulator();
            for (const [i, a] of articles.entries()) {
              if (!insertedShas.has(a.sha256) || a.duplicateOfSha256 || !a.wardId) continue;
              rollup.add({
                id: batch.copy.postIds[i] as string,
                at: postedAt(a.publicationDate),
                wardId: a.wardId,
                day: a.publicationDate,
                sentiment: a.sentiment,
                topics: a.topics,
                party: a.postParty,
                source: a.publicationName,
              });
            }
            return rollup.take();
          },
          counters: (insertedShas) => {
            const near = articles.filter((a) => a.duplicateOfSha256 && insertedShas.has(a.sha256)).length;
            committed = { inserted: insertedShas.size, nearDuplicates: near };
            return {
              linesTotal: totals.linesTotal,
              inserted: totals.inserted + insertedShas.size,
              duplicates: totals.duplicates + (batch.size - insertedShas.size),
              nearDuplicates: totals.nearDuplicates + near,
              invalid: totals.invalid,
            };
          },
        });
        for (const a of articles) {
          if (!outcome.insertedShas.has(a.sha256) || !a.wardId) continue;
          const days = affected.get(a.wardId) ?? new Set<string>();
          days.add(a.publicationDate);
          affected.set(a.wardId, days);
        }
        break;
      } catch (error) {
        if (attempt >= 3 || !RETRYABLE.has(sqlState(error) ?? "")) throw error;
      }
    }
    batch.copy.release();
    totals.inserted += committed.inserted;
    totals.nearDuplicates += committed.nearDuplicates;
    totals.duplicates += batch.size - committed.inserted;
    progress();
  };

  // Three stages overlap: while one batch is COPYed on `pg`, the next is checked against stored articles (on `read`)
  // and analysed, and the one after is read and parsed. The CPU-bound loops give the event loop a turn every few
  // milliseconds, so the COPY keeps streaming and the check's answer is taken as soon as it comes.
  let writing: Promise<void> = Promise.resolve();
  let writingShas = new Set<string>();
  let staging: Promise<void> = Promise.resolve();
  try {
    await prepareSession(pg);
    const stager = await BatchStager.create(ctx.read, { runId, analyser, ...(input.nearDuplicates ? { nearDuplicates: input.nearDuplicates } : {}) });
    const handOver = async (batch: PreparedArticle[]) => {
      const staged = await stager.stage(batch, writingShas);
      await writing;
      writingShas = new Set(staged.articles.map((a) => a.sha256));
      writing = write(staged);
      // Failures surface at the next `await writing`; this keeps Node from reporting them as unhandled first.
      writing.catch(() => undefined);
    };
    /** Starts staging a full batch once the one before is handed to the writer (it is checked against that one). */
    const stage = async (batch: PreparedArticle[]) => {
      await staging;
      staging = handOver(batch);
      staging.catch(() => undefined);
    };

    let pending: PreparedArticle[] = [];
    let pendingShas = new Set<string>();
    let pendingChars = 0;
    let sinceTurn = 0;
    for await (const lines of source.lines) {
      for (const { number, text, tooLong } of lines) {
        totals.linesTotal = number;
        if (++sinceTurn >= LINES_PER_TURN) {
          sinceTurn = 0;
          await nextTurn();
        }
        const parsed = tooLong ? { ok: false as const, error: "line is too long (over 8 MB)" } : parseEpaperLine(text);
        if (!parsed.ok) {
          totals.invalid++;
          if (errors.length < MAX_RECORDED_ERRORS) errors.push({ line: number, error: parsed.error });
          continue;
        }
        const article = prepareArticle(number, parsed.line);
        if (pendingShas.has(article.sha256)) {
          totals.duplicates++;
          continue;
        }
        pending.push(article);
        pendingShas.add(article.sha256);
        pendingChars += article.body.length + article.title.length;
        // Long articles close a batch early, so memory stays bounded whatever the file holds.
        if (pending.length >= batchSize || pendingChars * 2 >= batchBytes) {
          await stage(pending);
          pending = [];
          pendingShas = new Set();
          pendingChars = 0;
        }
      }
    }
    await stage(pending);
    await staging;
    await writing;

    const alerts = await raiseAlertsForIngestion(ctx.read, affected);
    const valid = totals.inserted + totals.duplicates;
    const status: IngestStatus = totals.invalid === 0 ? "SUCCEEDED" : valid > 0 ? "PARTIAL" : "FAILED";
    await finishRun(pg, runId, { status, fileSha256: source.fileSha256(), ...totals, errors });
    progress();
    return { runId, file: ctx.file, status, ...totals, errors, alerts, durationMs: Date.now() - ctx.started };
  } catch (error) {
    await staging.catch(() => undefined);
    await writing.catch(() => undefined);
    const message = error instanceof AppError ? error.message : "the ingestion stopped on an internal error; batches written before it are kept";
    const recorded = [...errors.slice(0, MAX_RECORDED_ERRORS - 1), { line: null, error: message }];
    await finishRun(pg, runId, { status: "FAILED", fileSha256: null, ...totals, errors: recorded }).catch(() => undefined);
    throw error;
  }
}
