import { once } from "node:events";
import type { ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyRollupDeltas } from "../pulse/rollup";
import type { RollupDelta } from "../pulse/rollup";
import { copyRow, copyTextArray } from "./copy-text";
import type { PreparedArticle } from "./prepare";

/** A new article ready to store: its analysis, ward and near-duplicate decision made. */
export interface StagedArticle extends PreparedArticle {
  duplicateOfSha256: string | null;
  wardId: string | null;
  sentiment: number;
  topics: string[];
  postParty: string | null;
  postText: string;
}

const STAGE_COLUMNS = [
  "sha256", "publication_name", "publication_date", "title", "body", "url", "city", "party", "language", "ward_hint",
  "title_hash", "dup_of_sha", "ward_id", "post_party", "sentiment", "topics", "post_text",
] as const;

/** Session-local staging table: COPY fills it, one INSERT … SELECT … ON CONFLICT moves it, COMMIT empties it. */
const CREATE_STAGE = `
CREATE TEMP TABLE IF NOT EXISTS intel_epaper_stage (
  sha256 text NOT NULL, publication_name text NOT NULL, publication_date date NOT NULL, title text NOT NULL,
  body text NOT NULL, url text, city text, party text, language text, ward_hint text, title_hash text NOT NULL,
  dup_of_sha text, ward_id uuid, post_party text, sentiment double precision, topics text[], post_text text NOT NULL
) ON COMMIT DELETE ROWS`;

const INSERT_FROM_STAGE = `
WITH inserted AS (
  INSERT INTO "Epaper" ("id", "sha256", "publicationName", "publicationDate", "title", "body", "url", "city", "party",
                        "language", "wardHint", "titleHash", "ingestRunId")
  SELECT gen_random_uuid(), s.sha256, s.publication_name, s.publication_date, s.title, s.body, s.url, s.city, s.party,
         s.language, s.ward_hint, s.title_hash, $1::uuid
  FROM intel_epaper_stage s
  ON CONFLICT ("sha256") DO NOTHING
  RETURNING "id", "sha256"
),
posts AS (
  INSERT INTO "Post" ("id", "text", "source", "city", "party", "sentiment", "analysedBy", "topics", "isDuplicate",
                      "publishedAt", "updatedAt", "wardId", "epaperId")
  SELECT gen_random_uuid(), s.post_text, s.publication_name, s.city, s.post_party, s.sentiment, $2, s.topics,
         s.dup_of_sha IS NOT NULL, s.publication_date::timestamp AT TIME ZONE 'UTC', now(), s.ward_id, i."id"
  FROM inserted i JOIN intel_epaper_stage s ON s.sha256 = i."sha256"
  ON CONFLICT ("epaperId") WHERE "epaperId" IS NOT NULL DO NOTHING
)
SELECT "sha256" FROM inserted`;

/** Near-duplicates point at their original by sha256; resolved after the insert, when both rows exist. */
const LINK_DUPLICATES = `
UPDATE "Epaper" e SET "duplicateOfId" = o."id"
FROM intel_epaper_stage s JOIN "Epaper" o ON o."sha256" = s.dup_of_sha
WHERE s.dup_of_sha IS NOT NULL AND e."sha256" = s.sha256 AND e."ingestRunId" = $1::uuid AND e."duplicateOfId" IS NULL`;

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

export async function prepareSession(client: ClientBase): Promise<void> {
  await client.query(CREATE_STAGE);
}

/** sha256s of `shas` already stored (checked before the costly analysis of a batch). */
export async function existingShas(client: ClientBase, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const result = await client.query<{ sha256: string }>(`SELECT "sha256" FROM "Epaper" WHERE "sha256" = ANY($1::text[])`, [shas]);
  return new Set(result.rows.map((row) => row.sha256));
}

async function copyIntoStage(client: ClientBase, articles: readonly StagedArticle[]): Promise<void> {
  const stream = client.query(copyFrom(`COPY intel_epaper_stage (${STAGE_COLUMNS.join(", ")}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let chunk = "";
  for (const a of articles) {
    chunk += copyRow([
      a.sha256, a.publicationName, a.publicationDate, a.title, a.body, a.url, a.city, a.party, a.language, a.wardHint,
      a.titleHash, a.duplicateOfSha256, a.wardId, a.postParty, a.sentiment, copyTextArray(a.topics), a.postText,
    ]);
    if (chunk.length >= 256 * 1024) {
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
    }
  }
  stream.end(chunk);
  await finished;
}

export interface BatchOutcome {
  /** sha256s this batch actually inserted (another run may have inserted some first). */
  insertedShas: Set<string>;
}

/**
 * Writes one batch in one transaction: epapers (ON CONFLICT (sha256) DO NOTHING), exactly one post per new epaper
 * (ON CONFLICT on the partial unique index), near-duplicate links, the rollup deltas of the posts actually
 * inserted, and the run's counters. A killed run leaves whole batches only.
 */
export async function writeBatch(
  client: ClientBase,
  input: {
    runId: string;
    analysedBy: string;
    articles: readonly StagedArticle[];
    rollup: (insertedShas: Set<string>) => RollupDelta[];
    counters: (insertedShas: Set<string>) => RunCounters;
  },
): Promise<BatchOutcome> {
  await client.query("BEGIN");
  try {
    let insertedShas = new Set<string>();
    if (input.articles.length > 0) {
      await copyIntoStage(client, input.articles);
      const inserted = await client.query<{ sha256: string }>(INSERT_FROM_STAGE, [input.runId, input.analysedBy]);
      insertedShas = new Set(inserted.rows.map((row) => row.sha256));
      if (input.articles.some((a) => a.duplicateOfSha256 !== null)) await client.query(LINK_DUPLICATES, [input.runId]);
      await applyRollupDeltas(client, input.rollup(insertedShas));
    }
    const c = input.counters(insertedShas);
    await client.query(UPDATE_RUN, [input.runId, c.linesTotal, c.inserted, c.duplicates, c.nearDuplicates, c.invalid]);
    await client.query("COMMIT");
    return { insertedShas };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
