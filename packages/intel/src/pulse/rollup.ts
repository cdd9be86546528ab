import type { Db } from "@sunuwai/db";
import { NEGATIVE_SENTIMENT } from "../analysis/analyser";
import type { SqlRunner } from "../sql";

/** What one ward-day of the rollup gains from newly ingested posts. */
export interface RollupDelta {
  wardId: string;
  /** YYYY-MM-DD */
  day: string;
  posts: number;
  sentimentSum: number;
  negativePosts: number;
  topics: Record<string, number>;
  parties: Record<string, number>;
  sources: Record<string, number>;
  /** The posts behind the day's figures (see `PulseEvidence`). */
  evidence: PulseEvidence;
}

/**
 * The posts behind a ward-day's figures, kept in the rollup so the pulse never reads raw posts: under `day`, the day's
 * first DAY_EVIDENCE posts; under `topic:<key>`, `party:<key>` and `source:<key>`, its FIGURE_EVIDENCE newest; under
 * `outlets-topic:<key>` and `outlets-party:<key>`, the lowest and highest outlet (byte-wise) that covered it. Posts are
 * entries `<publishedAt UTC, ms>|<id>`, which sort as (publishedAt, id).
 */
export type PulseEvidence = Record<string, string[]>;

export const DAY_EVIDENCE = 5;
export const FIGURE_EVIDENCE = 10;

export interface RolledUpPost {
  id: string;
  /** publishedAt in UTC as `YYYY-MM-DDTHH:MM:SS.mmm` (see `evidenceEntry`). */
  at: string;
  wardId: string;
  day: string;
  sentiment: number;
  topics: readonly string[];
  party: string | null;
  source: string;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** A post as evidence: sorts by publishedAt, then id (the SQL side builds the same text; see EVIDENCE_ENTRY). */
export function evidenceEntry(at: string, id: string): string {
  return `${at}|${id}`;
}

/** `at` of a post published on `day` (YYYY-MM-DD): ingested posts are dated at midnight UTC of their publication. */
export function postedAt(day: string): string {
  return `${day}T00:00:00.000`;
}

/** The post id of an evidence entry. */
export function evidencePostId(entry: string): string {
  return entry.slice(entry.indexOf("|") + 1);
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds `entry` to a sorted, duplicate-free list kept to `limit` entries: the lowest (ascending) or the highest. */
function keep(list: string[], entry: string, limit: number, descending: boolean): void {
  if (list.includes(entry)) return;
  list.push(entry);
  list.sort(descending ? (a, b) => byteOrder(b, a) : byteOrder);
  if (list.length > limit) list.length = limit;
}

function widen(evidence: PulseEvidence, key: string, outlet: string): void {
  const range = evidence[key];
  if (!range) {
    evidence[key] = [outlet, outlet];
    return;
  }
  if (byteOrder(outlet, range[0] as string) < 0) range[0] = outlet;
  if (byteOrder(outlet, range[1] as string) > 0) range[1] = outlet;
}

function addEvidence(evidence: PulseEvidence, post: RolledUpPost): void {
  const entry = evidenceEntry(post.at, post.id);
  keep((evidence.day ??= []), entry, DAY_EVIDENCE, false);
  for (const topic of post.topics) {
    keep((evidence[`topic:${topic}`] ??= []), entry, FIGURE_EVIDENCE, true);
    widen(evidence, `outlets-topic:${topic}`, post.source);
  }
  if (post.party) {
    keep((evidence[`party:${post.party}`] ??= []), entry, FIGURE_EVIDENCE, true);
    widen(evidence, `outlets-party:${post.party}`, post.source);
  }
  keep((evidence[`source:${post.source}`] ??= []), entry, FIGURE_EVIDENCE, true);
}

/** Accumulates new, non-duplicate, ward-level posts into per ward-day deltas. */
export class RollupAccumulator {
  private readonly deltas = new Map<string, RollupDelta>();

  add(post: RolledUpPost): void {
    const key = `${post.wardId}|${post.day}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = { wardId: post.wardId, day: post.day, posts: 0, sentimentSum: 0, negativePosts: 0, topics: {}, parties: {}, sources: {}, evidence: {} };
      this.deltas.set(key, delta);
    }
    delta.posts++;
    delta.sentimentSum += post.sentiment;
    if (post.sentiment <= NEGATIVE_SENTIMENT) delta.negativePosts++;
    for (const topic of post.topics) bump(delta.topics, topic);
    if (post.party) bump(delta.parties, post.party);
    bump(delta.sources, post.source);
    addEvidence(delta.evidence, post);
  }

  /** Sorted by ward and day, so concurrent ingestions lock rollup rows in the same order (no deadlocks). */
  take(): RollupDelta[] {
    const list = [...this.deltas.values()].sort((a, b) => (a.wardId < b.wardId ? -1 : a.wardId > b.wardId ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    this.deltas.clear();
    return list;
  }
}

/** Sums two `{ key: count }` maps in SQL. */
const mergeCounts = (column: string) => `(
  SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::numeric)::int AS total
    FROM (SELECT * FROM jsonb_each_text(w.${column}) UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.${column})) AS pairs
    GROUP BY key
  ) AS merged
)`;

/**
 * Merges two evidence objects in SQL with the rules of `addEvidence`: per key, the union of the entries, kept to the
 * first DAY_EVIDENCE (day), the lowest and highest outlet (outlets-…), or the FIGURE_EVIDENCE newest (the rest).
 */
const MERGE_EVIDENCE = `(
  SELECT coalesce(jsonb_object_agg(key, merged), '{}'::jsonb)
  FROM (
    SELECT key, to_jsonb(CASE
      WHEN key = 'day' THEN (array_agg(DISTINCT entry ORDER BY entry))[1:${DAY_EVIDENCE}]
      WHEN key LIKE 'outlets-%' THEN ARRAY[min(entry), max(entry)]
      ELSE (array_agg(DISTINCT entry ORDER BY entry DESC))[1:${FIGURE_EVIDENCE}]
    END) AS merged
    FROM (
      SELECT pairs.key, entry COLLATE "C" AS entry
      FROM (SELECT * FROM jsonb_each(w."evidence") UNION ALL SELECT * FROM jsonb_each(EXCLUDED."evidence")) AS pairs,
           jsonb_array_elements_text(pairs.value) AS entry
    ) AS entries
    GROUP BY key
  ) AS per_key
)`;

const APPLY_DELTAS = `
INSERT INTO "WardPulseDaily" AS w ("wardId", "day", "posts", "sentimentSum", "negativePosts", "topics", "parties", "sources", "evidence", "updatedAt")
SELECT d.ward_id, d.day, d.posts, d.sentiment_sum, d.negative_posts, d.topics, d.parties, d.sources, d.evidence, now()
FROM jsonb_to_recordset($1::jsonb) AS d(ward_id uuid, day date, posts int, sentiment_sum float8, negative_posts int, topics jsonb, parties jsonb, sources jsonb, evidence jsonb)
ORDER BY d.ward_id, d.day
ON CONFLICT ("wardId", "day") DO UPDATE SET
  "posts" = w."posts" + EXCLUDED."posts",
  "sentimentSum" = w."sentimentSum" + EXCLUDED."sentimentSum",
  "negativePosts" = w."negativePosts" + EXCLUDED."negativePosts",
  "topics" = ${mergeCounts('"topics"')},
  "parties" = ${mergeCounts('"parties"')},
  "sources" = ${mergeCounts('"sources"')},
  "evidence" = ${MERGE_EVIDENCE},
  "updatedAt" = now()`;

/** Adds the deltas to the rollup (inside the caller's transaction, with the posts they count). */
export async function applyRollupDeltas(sql: SqlRunner, deltas: readonly RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const records = deltas.map((d) => ({
    ward_id: d.wardId,
    day: d.day,
    posts: d.posts,
    sentiment_sum: d.sentimentSum,
    negative_posts: d.negativePosts,
    topics: d.topics,
    parties: d.parties,
    sources: d.sources,
    evidence: d.evidence,
  }));
  await sql.query(APPLY_DELTAS, [JSON.stringify(records)]);
}

/**
 * Rebuilds a ward's rollup from its posts (repair, backfills, `intel.recomputeWard`). Same rules as the
 * incremental path: non-duplicate posts, day = UTC date of `publishedAt`.
 */
export async function recomputeWardRollup(db: Db, wardId: string): Promise<{ days: number }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('intel.rollup'), hashtext(${wardId}))`;
    await tx.$executeRaw`DELETE FROM "WardPulseDaily" WHERE "wardId" = ${wardId}::uuid`;
    const days = await tx.$executeRaw`
      WITH posts AS (
        SELECT ("publishedAt" AT TIME ZONE 'UTC')::date AS day, coalesce(sentiment, 0) AS sentiment, topics, party, source,
               (to_char("publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '|' || "id"::text) COLLATE "C" AS entry
        FROM "Post" WHERE "wardId" = ${wardId}::uuid AND NOT "isDuplicate"
      ),
      base AS (
        SELECT day, count(*)::int AS posts, sum(sentiment) AS sentiment_sum,
               (count(*) FILTER (WHERE sentiment <= ${NEGATIVE_SENTIMENT}))::int AS negative_posts
        FROM posts GROUP BY day
      ),
      topics AS (
        SELECT day, jsonb_object_agg(topic, n) AS counts
        FROM (SELECT day, topic, count(*)::int AS n FROM posts, unnest(topics) AS topic GROUP BY day, topic) AS t GROUP BY day
      ),
      parties AS (
        SELECT day, jsonb_object_agg(party, n) AS counts
        FROM (SELECT day, party, count(*)::int AS n FROM posts WHERE party IS NOT NULL GROUP BY day, party) AS t GROUP BY day
      ),
      sources AS (
        SELECT day, jsonb_object_agg(source, n) AS counts
        FROM (SELECT day, source, count(*)::int AS n FROM posts GROUP BY day, source) AS t GROUP BY day
      ),
      evidence AS (
        SELECT day, jsonb_object_agg(key, entries) AS evidence
        FROM (
          SELECT day, 'day' AS key, to_jsonb((array_agg(DISTINCT entry ORDER BY entry))[1:${DAY_EVIDENCE}::int]) AS entries FROM posts GROUP BY day
          UNION ALL
          SELECT day, 'topic:' || topic, to_jsonb((array_agg(DISTINCT entry ORDER BY entry DESC))[1:${FIGURE_EVIDENCE}::int])
          FROM posts, unnest(topics) AS topic GROUP BY day, topic
          UNION ALL
          SELECT day, 'outlets-topic:' || topic, to_jsonb(ARRAY[min(source COLLATE "C"), max(source COLLATE "C")])
          FROM posts, unnest(topics) AS topic GROUP BY day, topic
          UNION ALL
          SELECT day, 'party:' || party, to_jsonb((array_agg(DISTINCT entry ORDER BY entry DESC))[1:${FIGURE_EVIDENCE}::int])
          FROM posts WHERE party IS NOT NULL GROUP BY day, party
          UNION ALL
          SELECT day, 'outlets-party:' || party, to_jsonb(ARRAY[min(source COLLATE "C"), max(source COLLATE "C")])
          FROM posts WHERE party IS NOT NULL GROUP BY day, party
          UNION ALL
          SELECT day, 'source:' || source, to_jsonb((array_agg(DISTINCT entry ORDER BY entry DESC))[1:${FIGURE_EVIDENCE}::int])
          FROM posts GROUP BY day, source
        ) AS keyed
        GROUP BY day
      )
      INSERT INTO "WardPulseDaily" ("wardId", "day", "posts", "sentimentSum", "negativePosts", "topics", "parties", "sources", "evidence", "updatedAt")
      SELECT ${wardId}::uuid, b.day, b.posts, b.sentiment_sum, b.negative_posts,
             coalesce(t.counts, '{}'::jsonb), coalesce(p.counts, '{}'::jsonb), coalesce(s.counts, '{}'::jsonb), e.evidence, now()
      FROM base b LEFT JOIN topics t USING (day) LEFT JOIN parties p USING (day) LEFT JOIN sources s USING (day) JOIN evidence e USING (day)`;
    return { days };
  });
}
