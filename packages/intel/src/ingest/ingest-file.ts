import { stat } from "node:fs/promises";
import path from "node:path";
import type { Db, IngestStatus } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import type { ClientBase } from "pg";
import type { PostAnalyser } from "../analysis/analyser";
import { LexiconAnalyser } from "../analysis/lexicon-analyser";
import { raiseAlertsForIngestion } from "../alerts/raise";
import type { AlertSummary } from "../alerts/raise";
import { dayNumber, dayString, NearDuplicateIndex } from "../dedup/near-duplicates";
import type { NearDuplicateOptions } from "../dedup/near-duplicates";
import { RollupAccumulator } from "../pulse/rollup";
import { Gazetteer } from "../wards/gazetteer";
import { existingShas, prepareSession, writeBatch } from "./batch-writer";
import type { StagedArticle } from "./batch-writer";
import { parseEpaperLine } from "./line-schema";
import { postText, prepareArticle } from "./prepare";
import type { PreparedArticle } from "./prepare";
import { readLines } from "./read-lines";
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
  batchSize?: number;
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

/** Both handles an ingestion needs: Prisma for bookkeeping, a dedicated pg connection for COPY and the file lock. */
export interface IngestDeps {
  db: Db;
  pg: ClientBase;
}

interface WardInfo {
  id: string;
  code: string;
  name: string;
  localName: string | null;
  aliases: string[];
  country: string;
}

const DEFAULT_BATCH = 5000;
const RETRYABLE = new Set(["40P01", "40001"]);
/** Originals loaded per day from the database for near-duplicate checks. */
const ORIGINALS_PER_DAY = 5000;

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
  const { db, pg } = deps;
  const started = Date.now();
  const absolutePath = path.resolve(input.path);
  const file = input.displayName ?? displayNameFor(absolutePath, input.inboxDir);
  const unlock = await lockFile(pg, absolutePath);
  try {
    const info = await stat(absolutePath).catch(() => null);
    if (!info?.isFile()) {
      if (input.ingestRunId) {
        await finishRun(db, input.ingestRunId, {
          status: "FAILED", fileSha256: null, linesTotal: 0, inserted: 0, duplicates: 0, nearDuplicates: 0, invalid: 0,
          errors: [{ line: null, error: "file not found" }],
        });
      }
      throw new AppError("NOT_FOUND", `No file to ingest at ${file}.`);
    }
    await closeInterruptedRuns(db, file, input.ingestRunId);
    const runId = await openRun(db, { file, triggeredById: input.triggeredById ?? null, existingRunId: input.ingestRunId });
    return await runIngestion({ db, pg, input, runId, file, absolutePath, totalBytes: info.size, started });
  } finally {
    await unlock();
  }
}

async function runIngestion(ctx: {
  db: Db;
  pg: ClientBase;
  input: IngestFileInput;
  runId: string;
  file: string;
  absolutePath: string;
  totalBytes: number;
  started: number;
}): Promise<IngestResult> {
  const { db, pg, input, runId } = ctx;
  const analyser = input.analyser ?? new LexiconAnalyser();
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  const totals = { linesTotal: 0, inserted: 0, duplicates: 0, nearDuplicates: 0, invalid: 0 };
  const errors: LineError[] = [];
  const affected = new Map<string, Set<string>>();
  const source = readLines(ctx.absolutePath);

  const progress = () =>
    input.onProgress?.({ linesRead: totals.linesTotal, bytesRead: source.bytesRead(), totalBytes: ctx.totalBytes, ...totals, elapsedMs: Date.now() - ctx.started });

  try {
    await prepareSession(pg);
    const wards = (await pg.query<WardInfo>(`SELECT "id", "code", "name", "localName", "aliases", "country" FROM "Ward"`)).rows;
    const gazetteer = new Gazetteer(wards);
    const countryOf = new Map(wards.map((ward) => [ward.id, ward.country]));
    const index = new NearDuplicateIndex(input.nearDuplicates);

    const flush = async (batch: PreparedArticle[]) => {
      const existing = await existingShas(pg, batch.map((a) => a.sha256));
      const fresh = batch.filter((a) => !existing.has(a.sha256));
      await loadOriginals(pg, index, fresh);
      const wardIds = fresh.map((a) => gazetteer.assign({ ward: a.wardHint, title: a.title, body: a.body }));
      const analyses = await analyser.analyse(
        fresh.map((a, i) => {
          const wardId = wardIds[i];
          return { title: a.title, body: a.body, language: a.language, country: wardId ? (countryOf.get(wardId) ?? null) : null, party: a.party };
        }),
      );
      const staged: StagedArticle[] = fresh.map((a, i) => {
        const analysis = analyses[i];
        if (!analysis) throw new Error(`analyser ${analyser.id} returned fewer results than articles`);
        const original = index.check(dayNumber(a.publicationDate), a);
        return {
          ...a,
          duplicateOfSha256: original?.sha256 ?? null,
          wardId: wardIds[i] ?? null,
          sentiment: analysis.sentiment,
          topics: analysis.topics,
          postParty: analysis.party,
          postText: postText(a.title, a.body),
        };
      });
      let committed: { inserted: number; nearDuplicates: number } = { inserted: 0, nearDuplicates: 0 };
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await writeBatch(pg, {
            runId,
            analysedBy: analyser.id,
            articles: staged,
            rollup: (insertedShas) => {
              const rollup = new RollupAccumulator();
              for (const a of staged) {
                if (!insertedShas.has(a.sha256) || a.duplicateOfSha256 || !a.wardId) continue;
                rollup.add({ wardId: a.wardId, day: a.publicationDate, sentiment: a.sentiment, topics: a.topics, party: a.postParty, source: a.publicationName });
              }
              return rollup.take();
            },
            counters: (insertedShas) => {
              const near = staged.filter((a) => a.duplicateOfSha256 && insertedShas.has(a.sha256)).length;
              committed = { inserted: insertedShas.size, nearDuplicates: near };
              return {
                linesTotal: totals.linesTotal,
                inserted: totals.inserted + insertedShas.size,
                duplicates: totals.duplicates + (batch.length - insertedShas.size),
                nearDuplicates: totals.nearDuplicates + near,
                invalid: totals.invalid,
              };
            },
          });
          for (const a of staged) {
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
      totals.inserted += committed.inserted;
      totals.nearDuplicates += committed.nearDuplicates;
      totals.duplicates += batch.length - committed.inserted;
      progress();
    };

    let pending: PreparedArticle[] = [];
    let pendingShas = new Set<string>();
    let inflight: Promise<void> = Promise.resolve();
    for await (const { number, text } of source.lines) {
      totals.linesTotal = number;
      const parsed = parseEpaperLine(text);
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
      if (pending.length >= batchSize) {
        const batch = pending;
        pending = [];
        pendingShas = new Set();
        // One batch is written while the next is read and parsed.
        await inflight;
        inflight = flush(batch);
      }
    }
    await inflight;
    await flush(pending);

    const alerts = await raiseAlertsForIngestion(db, affected);
    const valid = totals.inserted + totals.duplicates;
    const status: IngestStatus = totals.invalid === 0 ? "SUCCEEDED" : valid > 0 ? "PARTIAL" : "FAILED";
    await finishRun(db, runId, { status, fileSha256: source.fileSha256(), ...totals, errors });
    progress();
    return { runId, file: ctx.file, status, ...totals, errors, alerts, durationMs: Date.now() - ctx.started };
  } catch (error) {
    const message = error instanceof AppError ? error.message : "the ingestion stopped on an internal error; batches written before it are kept";
    const recorded = [...errors.slice(0, MAX_RECORDED_ERRORS - 1), { line: null, error: message }];
    await finishRun(db, runId, { status: "FAILED", fileSha256: null, ...totals, errors: recorded }).catch(() => undefined);
    throw error;
  }
}

/** Loads the stored originals of the days around the batch's articles into the near-duplicate index. */
async function loadOriginals(pg: ClientBase, index: NearDuplicateIndex, articles: readonly PreparedArticle[]): Promise<void> {
  const missing = index.missingDays(new Set(articles.map((a) => dayNumber(a.publicationDate))));
  if (missing.length === 0) return;
  const result = await pg.query<{ day: string; sha256: string; title: string; body: string }>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, e."sha256", e."title", e."body"
     FROM unnest($1::date[]) AS d(day)
     CROSS JOIN LATERAL (
       SELECT "sha256", "title", left("body", 600) AS "body" FROM "Epaper"
       WHERE "publicationDate" = d.day AND "duplicateOfId" IS NULL
       ORDER BY "createdAt" LIMIT ${ORIGINALS_PER_DAY}
     ) AS e`,
    [missing.map(dayString)],
  );
  const byDay = new Map<number, { sha256: string; title: string; body: string }[]>(missing.map((day) => [day, []]));
  for (const row of result.rows) byDay.get(dayNumber(row.day))?.push(row);
  for (const [day, originals] of byDay) index.loadDay(day, originals);
}
