import type { ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyRollupDeltas } from "../pulse/rollup";
import type { RollupDelta } from "../pulse/rollup";
import { CopyWriter } from "./copy-text";
import { uuidV7 } from "./ids";
import type { PreparedArticle } from "./prepare";

/** A new article ready to store: its id, analysis, ward and near-duplicate decision made. */
export interface StagedArticle extends PreparedArticle {
  /** Epaper id, chosen here so near-duplicates in the same batch can point at their original. */
  id: string;
  titleHash: string;
  duplicateOfSha256: string | null;
  /** Id of the original as this run knows it (checked by the foreign key; see writeBatch). */
  duplicateOfId: string | null;
  wardId: string | null;
  sentiment: number;
  topics: string[];
  postParty: string | null;
  postText: string;
}

/** Epaper and post ids are time-ordered (see `uuidV7`). */
export function newEpaperId(): string {
  return uuidV7();
}

const EPAPER_COLUMNS = [
  "id", "sha256", "publicationName", "publicationDate", "title", "body", "url", "city", "party", "language", "wardHint",
  "titleHash", "duplicateOfId", "ingestRunId",
] as const;

const POST_COLUMNS = [
  "id", "text", "source", "city", "party", "sentiment", "analysedBy", "topics", "isDuplicate", "publishedAt", "updatedAt",
  "wardId", "epaperId",
] as const;

const STAGE_COLUMNS = [
  "id", "sha256", "publication_name", "publication_date", "title", "body", "url", "city", "party", "language", "ward_hint",
  "title_hash", "dup_of_sha", "ward_id", "post_id", "post_party", "sentiment", "topics", "post_text",
] as const;

/** Session-local staging table for the conflict path: COPY fills it, INSERT … ON CONFLICT moves it, COMMIT empties it. */
const CREATE_STAGE = `
CREATE TEMP TABLE IF NOT EXISTS intel_epaper_stage (
  id uuid NOT NULL, sha256 text NOT NULL, publication_name text NOT NULL, publication_date date NOT NULL,
  title text NOT NULL, body text NOT NULL, url text, city text, party text, language text, ward_hint text,
  title_hash text NOT NULL, dup_of_sha text, ward_id uuid, post_id uuid NOT NULL, post_party text,
  sentiment double precision, topics text[], post_text text NOT NULL
) ON COMMIT DELETE ROWS`;

const INSERT_FROM_STAGE = `
WITH inserted AS (
  INSERT INTO "Epaper" ("id", "sha256", "publicationName", "publicationDate", "title", "body", "url", "city", "party",
                        "language", "wardHint", "titleHash", "ingestRunId")
  SELECT s.id, s.sha256, s.publication_name, s.publication_date, s.title, s.body, s.url, s.city, s.party,
         s.language, s.ward_hint, s.title_hash, $1::uuid
  FROM intel_epaper_stage s
  ON CONFLICT ("sha256") DO NOTHING
  RETURNING "id", "sha256"
),
posts AS (
  INSERT INTO "Post" ("id", "text", "source", "city", "party", "sentiment", "analysedBy", "topics", "isDuplicate",
                      "publishedAt", "updatedAt", "wardId", "epaperId")
  SELECT s.post_id, s.post_text, s.publication_name, s.city, s.post_party, s.sentiment, $2, s.topics,
         s.dup_of_sha IS NOT NULL, s.publication_date::timestamp AT TIME ZONE 'UTC', now(), s.ward_id, i."id"
  FROM inserted i JOIN intel_epaper_stage s ON s.id = i."id"
  ON CONFLICT ("epaperId") WHERE "epaperId" IS NOT NULL DO NOTHING
)
SELECT "sha256" FROM inserted`;

/** Near-duplicates point at their original by sha256, resolved once both rows exist. */
const LINK_DUPLICATES = `
UPDATE "Epaper" e SET "duplicateOfId" = o."id"
FROM intel_epaper_stage s JOIN "Epaper" o ON o."sha256" = s.dup_of_sha
WHERE s.dup_of_sha IS NOT NULL AND e."id" = s.id AND e."duplicateOfId" IS NULL`;

export interface RunCounters {
  linesTotal: number;
  inserted: number;
  duplicates: number;
  nearDuplicates: number;
  invalid: number;
}

const UPDATE_RUN = `
UPDATE "IngestRun" SET "linesTotal" = $2, "inserted" = $3, "duplicates" = $4, "nearDuplicates" = $5, "invalid" = $6
WHERE "id" = $1::uuid`;

/** unique_violation (another run stored an article first) and foreign_key_violation (an original it knew is gone). */
const CONFLICT_STATES = new Set(["23505", "23503"]);

export async function prepareSession(client: ClientBase): Promise<void> {
  await client.query(CREATE_STAGE);
}

const COPY_EPAPERS = `COPY "Epaper" (${EPAPER_COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
const COPY_POSTS = `COPY "Post" (${POST_COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
const COPY_STAGE = `COPY intel_epaper_stage (${STAGE_COLUMNS.join(", ")}) FROM STDIN`;

/** A batch's epaper and post rows in COPY text form, built while the batch before it is being written. */
export interface BatchCopy {
  epapers: Buffer;
  posts: Buffer;
  postIds: string[];
  /** Once the batch is written: lets later batches reuse the buffers (`epapers` and `posts` are void after). */
  release(): void;
}

/** Lays out a batch's rows group by group, so the work can be spread between turns of the event loop. */
export class BatchCopyBuilder {
  private readonly epapers: CopyWriter;
  private readonly posts: CopyWriter;
  private readonly postIds: string[] = [];
  private readonly now = new Date().toISOString();

  constructor(
    private readonly runId: string,
    private readonly analysedBy: string,
    expectedArticles: number,
  ) {
    this.epapers = new CopyWriter(expectedArticles * 1600);
    this.posts = new CopyWriter(expectedArticles * 700);
  }

  add(articles: readonly StagedArticle[]): void {
    for (const a of articles) {
      const postId = uuidV7();
      this.postIds.push(postId);
      this.epapers
        .plain(a.id).plain(a.sha256).text(a.publicationName).plain(a.publicationDate).text(a.title).text(a.body).text(a.url).text(a.city)
        .text(a.party).text(a.language).text(a.wardHint).plain(a.titleHash).plain(a.duplicateOfId).plain(this.runId).end();
      this.posts
        .plain(postId).text(a.postText).text(a.publicationName).text(a.city).text(a.postParty).number(a.sentiment).text(this.analysedBy)
        .textArray(a.topics).plain(a.duplicateOfSha256 ? "t" : "f").plain(`${a.publicationDate} 00:00:00+00`).plain(this.now).plain(a.wardId)
        .plain(a.id).end();
    }
  }

  finish(): BatchCopy {
    const { epapers, posts } = this;
    return {
      epapers: epapers.take(),
      posts: posts.take(),
      postIds: this.postIds,
      release: () => {
        epapers.release();
        posts.release();
      },
    };
  }
}

export function buildBatchCopy(articles: readonly StagedArticle[], runId: string, analysedBy: string): BatchCopy {
  const builder = new BatchCopyBuilder(runId, analysedBy, articles.length);
  builder.add(articles);
  return builder.finish();
}

/** Streams COPY data already in text form (handed to the socket as it is, not copied again). */
async function copyData(client: ClientBase, sql: string, data: Buffer): Promise<void> {
  const stream = client.query(copyFrom(sql));
  await new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
    stream.end(data);
  });
}

function stageCopy(articles: readonly StagedArticle[], postIds: readonly string[]): CopyWriter {
  const rows = new CopyWriter();
  for (const [i, a] of articles.entries()) {
    rows
      .plain(a.id).plain(a.sha256).text(a.publicationName).plain(a.publicationDate).text(a.title).text(a.body).text(a.url).text(a.city)
      .text(a.party).text(a.language).text(a.wardHint).plain(a.titleHash).plain(a.duplicateOfSha256).plain(a.wardId).plain(postIds[i])
      .text(a.postParty).number(a.sentiment).textArray(a.topics).text(a.postText).end();
  }
  return rows;
}

function sqlState(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

export interface BatchInput {
  runId: string;
  analysedBy: string;
  articles: readonly StagedArticle[];
  /** The articles' rows (see `buildBatchCopy`); built here when not given. */
  copy?: BatchCopy;
  rollup: (insertedShas: Set<string>) => RollupDelta[];
  counters: (insertedShas: Set<string>) => RunCounters;
}

/**
 * Writes one batch in one transaction: epapers, exactly one post per new epaper, the rollup deltas of the posts
 * actually inserted, and the run's counters. A killed run leaves whole batches only.
 *
 * Fast path: the batch was checked against stored sha256s just before, so it is COPYed straight into "Epaper" and
 * "Post". If another run stored one of its articles in the meantime (unique violation) or an original it links to is
 * not there (foreign key), the transaction is rolled back and the batch goes through the conflict path: COPY into a
 * staging table, then INSERT … SELECT … ON CONFLICT (sha256) DO NOTHING, posts ON CONFLICT on the partial unique index.
 */
export async function writeBatch(client: ClientBase, input: BatchInput): Promise<{ insertedShas: Set<string> }> {
  const copy = input.copy ?? buildBatchCopy(input.articles, input.runId, input.analysedBy);
  try {
    return await inTransaction(client, input, async () => {
      if (input.articles.length > 0) {
        await copyData(client, COPY_EPAPERS, copy.epapers);
        await copyData(client, COPY_POSTS, copy.posts);
      }
      return new Set(input.articles.map((a) => a.sha256));
    });
  } catch (error) {
    if (!CONFLICT_STATES.has(sqlState(error) ?? "")) throw error;
  }
  return inTransaction(client, input, async () => {
    const rows = stageCopy(input.articles, copy.postIds);
    await copyData(client, COPY_STAGE, rows.take());
    rows.release();
    const inserted = await client.query<{ sha256: string }>(INSERT_FROM_STAGE, [input.runId, input.analysedBy]);
    await client.query(LINK_DUPLICATES);
    return new Set(inserted.rows.map((row) => row.sha256));
  });
}

async function inTransaction(client: ClientBase, input: BatchInput, write: () => Promise<Set<string>>): Promise<{ insertedShas: Set<string> }> {
  await client.query("BEGIN");
  try {
    const insertedShas = await write();
    await applyRollupDeltas(client, input.rollup(insertedShas));
    const c = input.counters(insertedShas);
    await client.query(UPDATE_RUN, [input.runId, c.linesTotal, c.inserted, c.duplicates, c.nearDuplicates, c.invalid]);
    await client.query("COMMIT");
    return { insertedShas };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
