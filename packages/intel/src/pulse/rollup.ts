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
}

export interface RolledUpPost {
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

/** Accumulates new, non-duplicate, ward-level posts into per ward-day deltas. */
export class RollupAccumulator {
  private readonly deltas = new Map<string, RollupDelta>();

  add(post: RolledUpPost): void {
    const key = `${post.wardId}|${post.day}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = { wardId: post.wardId, day: post.day, posts: 0, sentimentSum: 0, negativePosts: 0, topics: {}, parties: {}, sources: {} };
      this.deltas.set(key, delta);
    }
    delta.posts++;
    delta.sentimentSum += post.sentiment;
    if (post.sentiment <= NEGATIVE_SENTIMENT) delta.negativePosts++;
    for (const topic of post.topics) bump(delta.topics, topic);
    if (post.party) bump(delta.parties, post.party);
    bump(delta.sources, post.source);
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

const APPLY_DELTAS = `
INSERT INTO "WardPulseDaily" AS w ("wardId", "day", "posts", "sentimentSum", "negativePosts", "topics", "parties", "sources", "updatedAt")
SELECT d.ward_id, d.day, d.posts, d.sentiment_sum, d.negative_posts, d.topics, d.parties, d.sources, now()
FROM jsonb_to_recordset($1::jsonb) AS d(ward_id uuid, day date, posts int, sentiment_sum float8, negative_posts int, topics jsonb, parties jsonb, sources jsonb)
ORDER BY d.ward_id, d.day
ON CONFLICT ("wardId", "day") DO UPDATE SET
  "posts" = w."posts" + EXCLUDED."posts",
  "sentimentSum" = w."sentimentSum" + EXCLUDED."sentimentSum",
  "negativePosts" = w."negativePosts" + EXCLUDED."negativePosts",
  "topics" = ${mergeCounts('"topics"')},
  "parties" = ${mergeCounts('"parties"')},
  "sources" = ${mergeCounts('"sources"')},
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
        SELECT ("publishedAt" AT TIME ZONE 'UTC')::date AS day, coalesce(sentiment, 0) AS sentiment, topics, party, source
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
      )
      INSERT INTO "WardPulseDaily" ("wardId", "day", "posts", "sentimentSum", "negativePosts", "topics", "parties", "sources", "updatedAt")
      SELECT ${wardId}::uuid, b.day, b.posts, b.sentiment_sum, b.negative_posts,
             coalesce(t.counts, '{}'::jsonb), coalesce(p.counts, '{}'::jsonb), coalesce(s.counts, '{}'::jsonb), now()
      FROM base b LEFT JOIN topics t USING (day) LEFT JOIN parties p USING (day) LEFT JOIN sources s USING (day)`;
    return { days };
  });
}
