import { NEGATIVE_SENTIMENT } from "../analysis/analyser";
import { rows as queryRows, sql } from "../sql";
import type { SqlRunner } from "../sql";
import { BASELINE_DAYS, round } from "./candidates";
import type { AlertCandidate } from "./candidates";

export interface WardDay {
  wardId: string;
  day: string;
}

/** Volume spike: a day's article count far above the ward's trailing 28 days (z-score). */
export const SPIKE_RULE = { minPosts: 5, minZ: 3, minBaselineDays: 7, mediumZ: 4, highZ: 6 } as const;

/**
 * z = (posts − mean) / max(sd, √mean, 1) over the 28 days before, days without articles counting as 0. The floor
 * keeps a quiet ward's 0 → 1 from looking infinite; a baseline needs coverage on at least 7 of those days.
 */
export async function detectVolumeSpikes(runner: SqlRunner, wardDays: readonly WardDay[]): Promise<AlertCandidate[]> {
  const rows = await queryRows<{ wardId: string; day: string; posts: number; baseSum: number; baseSumSq: number; baseDays: number }>(runner, sql`
    SELECT a.ward_id::text AS "wardId", to_char(a.day, 'YYYY-MM-DD') AS day, w."posts",
           coalesce(b.sum, 0)::float8 AS "baseSum", coalesce(b.sum_sq, 0)::float8 AS "baseSumSq", b.days::int AS "baseDays"
    FROM jsonb_to_recordset(${JSON.stringify(wardDays.map((d) => ({ ward_id: d.wardId, day: d.day })))}::jsonb) AS a(ward_id uuid, day date)
    JOIN "WardPulseDaily" w ON w."wardId" = a.ward_id AND w."day" = a.day
    CROSS JOIN LATERAL (
      SELECT sum(x."posts") AS sum, sum(x."posts" * x."posts") AS sum_sq, count(*) AS days
      FROM "WardPulseDaily" x
      WHERE x."wardId" = a.ward_id AND x."day" >= a.day - ${BASELINE_DAYS}::int AND x."day" < a.day
    ) AS b`);
  const candidates: AlertCandidate[] = [];
  for (const row of rows) {
    if (row.posts < SPIKE_RULE.minPosts || row.baseDays < SPIKE_RULE.minBaselineDays) continue;
    const mean = row.baseSum / BASELINE_DAYS;
    const sd = Math.sqrt(Math.max(0, row.baseSumSq / BASELINE_DAYS - mean * mean));
    const z = (row.posts - mean) / Math.max(sd, Math.sqrt(mean), 1);
    if (z < SPIKE_RULE.minZ) continue;
    candidates.push({
      kind: "VOLUME_SPIKE",
      severity: z >= SPIKE_RULE.highZ ? "HIGH" : z >= SPIKE_RULE.mediumZ ? "MEDIUM" : "LOW",
      reason: `${row.posts} articles on ${row.day}, against ${round(mean)} a day over the previous ${BASELINE_DAYS} days (z = ${round(z)})`,
      dedupeKey: `VOLUME_SPIKE:${row.wardId}:${row.day}`,
      wardId: row.wardId,
      savedAlertId: null,
      day: row.day,
      evidence: { kind: "day" },
      details: { day: row.day, posts: row.posts, baselineMean: round(mean, 2), baselineSd: round(sd, 2), z: round(z, 2), baselineDays: row.baseDays },
    });
  }
  return candidates;
}

/** New topic: a topic in at least 2 of a day's articles that the ward's previous 28 days (≥ 10 articles) never had. */
export const NEW_TOPIC_RULE = { minPosts: 2, minBaselinePosts: 10, mediumPosts: 5 } as const;

export async function detectNewTopics(runner: SqlRunner, wardDays: readonly WardDay[]): Promise<AlertCandidate[]> {
  const rows = await queryRows<{ wardId: string; day: string; topic: string; posts: number; basePosts: number }>(runner, sql`
    SELECT a.ward_id::text AS "wardId", to_char(a.day, 'YYYY-MM-DD') AS day, t.key AS topic, t.value::int AS posts,
           b.posts::int AS "basePosts"
    FROM jsonb_to_recordset(${JSON.stringify(wardDays.map((d) => ({ ward_id: d.wardId, day: d.day })))}::jsonb) AS a(ward_id uuid, day date)
    JOIN "WardPulseDaily" w ON w."wardId" = a.ward_id AND w."day" = a.day
    CROSS JOIN LATERAL jsonb_each_text(w."topics") AS t
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(x."posts"), 0) AS posts, coalesce(bool_or(x."topics" -> t.key IS NOT NULL), false) AS seen
      FROM "WardPulseDaily" x
      WHERE x."wardId" = a.ward_id AND x."day" >= a.day - ${BASELINE_DAYS}::int AND x."day" < a.day
    ) AS b
    WHERE t.value::int >= ${NEW_TOPIC_RULE.minPosts}::int AND b.posts >= ${NEW_TOPIC_RULE.minBaselinePosts}::int AND NOT b.seen`);
  return rows.map((row) => ({
    kind: "NEW_TOPIC",
    severity: row.posts >= NEW_TOPIC_RULE.mediumPosts ? "MEDIUM" : "LOW",
    reason: `New topic "${row.topic}": ${row.posts} articles on ${row.day}, none in the previous ${BASELINE_DAYS} days`,
    dedupeKey: `NEW_TOPIC:${row.wardId}:${row.topic}:${row.day}`,
    wardId: row.wardId,
    savedAlertId: null,
    day: row.day,
    evidence: { kind: "topic", topic: row.topic },
    details: { day: row.day, topic: row.topic, posts: row.posts, baselinePosts: row.basePosts },
  }));
}

/**
 * Negative-sentiment surge for a party: at least 3 negative articles about it on the day, at least half of its
 * articles that day, and a negative share 25 points above its previous 28 days.
 */
export const SURGE_RULE = { minNegative: 3, minShare: 0.5, minRise: 0.25, mediumNegative: 5, highNegative: 10, highShare: 0.8 } as const;

export async function detectNegativeSurges(runner: SqlRunner, wardDays: readonly WardDay[]): Promise<AlertCandidate[]> {
  const rows = await queryRows<{ wardId: string; day: string; party: string; dayPosts: number; dayNegative: number; basePosts: number; baseNegative: number }>(runner, sql`
    SELECT a.ward_id::text AS "wardId", to_char(a.day, 'YYYY-MM-DD') AS day, p."party",
      (count(*) FILTER (WHERE p."publishedAt" >= a.day::timestamp AT TIME ZONE 'UTC'))::int AS "dayPosts",
      (count(*) FILTER (WHERE p."publishedAt" >= a.day::timestamp AT TIME ZONE 'UTC' AND p."sentiment" <= ${NEGATIVE_SENTIMENT}))::int AS "dayNegative",
      (count(*) FILTER (WHERE p."publishedAt" < a.day::timestamp AT TIME ZONE 'UTC'))::int AS "basePosts",
      (count(*) FILTER (WHERE p."publishedAt" < a.day::timestamp AT TIME ZONE 'UTC' AND p."sentiment" <= ${NEGATIVE_SENTIMENT}))::int AS "baseNegative"
    FROM jsonb_to_recordset(${JSON.stringify(wardDays.map((d) => ({ ward_id: d.wardId, day: d.day })))}::jsonb) AS a(ward_id uuid, day date)
    JOIN "Post" p ON p."wardId" = a.ward_id
      AND p."publishedAt" >= (a.day - ${BASELINE_DAYS}::int)::timestamp AT TIME ZONE 'UTC'
      AND p."publishedAt" < (a.day + 1)::timestamp AT TIME ZONE 'UTC'
      AND NOT p."isDuplicate" AND p."party" IS NOT NULL
    GROUP BY a.ward_id, a.day, p."party"`);
  const candidates: AlertCandidate[] = [];
  for (const row of rows) {
    if (row.dayPosts === 0 || row.dayNegative < SURGE_RULE.minNegative) continue;
    const share = row.dayNegative / row.dayPosts;
    const baseShare = row.basePosts > 0 ? row.baseNegative / row.basePosts : 0;
    if (share < SURGE_RULE.minShare || share - baseShare < SURGE_RULE.minRise) continue;
    const high = row.dayNegative >= SURGE_RULE.highNegative || share >= SURGE_RULE.highShare;
    candidates.push({
      kind: "NEGATIVE_SURGE",
      severity: high ? "HIGH" : row.dayNegative >= SURGE_RULE.mediumNegative ? "MEDIUM" : "LOW",
      reason: `${row.dayNegative} of ${row.dayPosts} articles about ${row.party} on ${row.day} were negative, against ${Math.round(baseShare * 100)}% over the previous ${BASELINE_DAYS} days`,
      dedupeKey: `NEGATIVE_SURGE:${row.wardId}:${row.party}:${row.day}`,
      wardId: row.wardId,
      savedAlertId: null,
      day: row.day,
      evidence: { kind: "negativeParty", party: row.party },
      details: { day: row.day, party: row.party, posts: row.dayPosts, negative: row.dayNegative, negativeShare: round(share, 3), baselineNegativeShare: round(baseShare, 3), baselinePosts: row.basePosts },
    });
  }
  return candidates;
}

/** Saved keyword alerts: a ward's active keyword lists against the headline and full text of the day's articles. */
export async function detectKeywordMatches(runner: SqlRunner, wardDays: readonly WardDay[]): Promise<AlertCandidate[]> {
  const rows = await queryRows<{ savedAlertId: string; wardId: string; day: string; posts: number; keywords: string[] }>(runner, sql`
    SELECT s."id"::text AS "savedAlertId", a.ward_id::text AS "wardId", to_char(a.day, 'YYYY-MM-DD') AS day,
           (count(DISTINCT p."id"))::int AS posts, array_agg(DISTINCT k.keyword) AS keywords
    FROM jsonb_to_recordset(${JSON.stringify(wardDays.map((d) => ({ ward_id: d.wardId, day: d.day })))}::jsonb) AS a(ward_id uuid, day date)
    JOIN "SavedAlert" s ON s."wardId" = a.ward_id AND s."active"
    CROSS JOIN LATERAL unnest(s."keywords") AS k(keyword)
    JOIN "Post" p ON p."wardId" = a.ward_id
      AND p."publishedAt" >= a.day::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < (a.day + 1)::timestamp AT TIME ZONE 'UTC'
      AND NOT p."isDuplicate"
    LEFT JOIN "Epaper" e ON e."id" = p."epaperId"
    WHERE length(trim(k.keyword)) > 0
      AND coalesce(e."title" || ' ' || e."body", p."text") ILIKE '%' || replace(replace(replace(trim(k.keyword), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
    GROUP BY s."id", a.ward_id, a.day`);
  return rows.map((row) => ({
    kind: "KEYWORD",
    severity: row.posts >= 5 ? "HIGH" : "MEDIUM",
    reason: `${row.posts} article${row.posts === 1 ? "" : "s"} on ${row.day} mention ${row.keywords.map((k) => `"${k}"`).join(", ")}`,
    dedupeKey: `KEYWORD:${row.savedAlertId}:${row.day}`,
    wardId: row.wardId,
    savedAlertId: row.savedAlertId,
    day: row.day,
    evidence: { kind: "keywords", keywords: row.keywords },
    details: { day: row.day, posts: row.posts, keywords: row.keywords },
  }));
}
