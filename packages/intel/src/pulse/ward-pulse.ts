import type { Db } from "@sunuwai/db";
import type { PulseFigure, WardPulse, WardPulseDay } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { isCalendarDate } from "../ingest/line-schema";
import { dayNumber, dayString } from "../dedup/near-duplicates";
import { findWardByCode } from "../wards/find-ward";

/** A figure resting on fewer articles than this carries a warning. */
export const MIN_ARTICLES = 5;
export const MAX_PULSE_DAYS = 366;
const DAY_EVIDENCE = 5;
const FIGURE_EVIDENCE = 10;
const TOP_TOPICS = 8;
const TOP_SOURCES = 8;

type Counts = Record<string, number>;

interface RollupRow {
  day: string;
  posts: number;
  sentimentSum: number;
  negativePosts: number;
  topics: Counts;
  parties: Counts;
  sources: Counts;
  updatedAt: Date;
}

function addCounts(into: Map<string, number>, counts: Counts): void {
  for (const [key, n] of Object.entries(counts)) into.set(key, (into.get(key) ?? 0) + n);
}

function thinWarning(posts: number, what: string): string[] {
  return posts > 0 && posts < MIN_ARTICLES ? [`${what} rests on ${posts} article${posts === 1 ? "" : "s"}`] : [];
}

function ranked(counts: Map<string, number>, limit: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

export function parsePulseRange(from: string, to: string): { from: string; to: string } {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new AppError("VALIDATION", "Dates must be real dates in YYYY-MM-DD form.");
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) throw new AppError("VALIDATION", "The period must end on or after its start.");
  if (days > MAX_PULSE_DAYS) throw new AppError("VALIDATION", `The period can be at most ${MAX_PULSE_DAYS} days.`);
  return { from, to };
}

/**
 * A ward's pulse for a period, read from the daily rollup: volume and sentiment per day, top topics, party share and
 * top sources. Each figure carries the posts behind it (a bounded sample of ids) and warnings when it rests on fewer
 * than five articles or a single outlet.
 */
export async function wardPulse(db: Db, input: { wardCode: string; from: string; to: string }): Promise<WardPulse> {
  const { from, to } = parsePulseRange(input.from, input.to);
  const ward = await findWardByCode(db, input.wardCode);
  // The figures come from the rollup; the posts behind them from one pass over the period's posts, read meanwhile.
  const [rows, evidence] = await Promise.all([
    db.$queryRaw<RollupRow[]>`
      SELECT to_char("day", 'YYYY-MM-DD') AS day, "posts", "sentimentSum", "negativePosts", "topics", "parties", "sources", "updatedAt"
      FROM "WardPulseDaily"
      WHERE "wardId" = ${ward.id}::uuid AND "day" >= ${from}::date AND "day" <= ${to}::date
      ORDER BY "day"`,
    fetchEvidence(db, ward.id, from, to),
  ]);

  const topics = new Map<string, number>();
  const parties = new Map<string, number>();
  const sources = new Map<string, number>();
  let totalPosts = 0;
  let sentimentSum = 0;
  let negativePosts = 0;
  let updatedAt: Date | null = null;
  for (const row of rows) {
    totalPosts += row.posts;
    sentimentSum += row.sentimentSum;
    negativePosts += row.negativePosts;
    addCounts(topics, row.topics);
    addCounts(parties, row.parties);
    addCounts(sources, row.sources);
    if (!updatedAt || row.updatedAt > updatedAt) updatedAt = row.updatedAt;
  }

  const topTopics = ranked(topics, TOP_TOPICS);
  const allParties = ranked(parties, parties.size);
  const topSources = ranked(sources, TOP_SOURCES);
  const partyPosts = allParties.reduce((sum, [, n]) => sum + n, 0);

  const byDay = new Map(rows.map((row) => [row.day, row]));
  const daily: WardPulseDay[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) {
    const day = dayString(d);
    const row = byDay.get(day);
    const posts = row?.posts ?? 0;
    const outlets = row ? Object.keys(row.sources).length : 0;
    daily.push({
      day,
      posts,
      averageSentiment: row && posts > 0 ? row.sentimentSum / posts : null,
      negativePosts: row?.negativePosts ?? 0,
      outlets,
      postIds: posts > 0 ? (evidence.get(`day\u0000${day}`)?.ids ?? []) : [],
      warnings: [...thinWarning(posts, `The figure for ${day}`), ...(outlets === 1 ? [`Every article on ${day} comes from one outlet`] : [])],
    });
  }

  const figure = (kind: string, key: string, posts: number, denominator: number, label: string): PulseFigure => {
    const sample = evidence.get(`${kind}\u0000${key}`) ?? { ids: [], multipleOutlets: false };
    const warnings = thinWarning(posts, label);
    if (kind !== "source" && posts > 0 && !sample.multipleOutlets) warnings.push(`${label} comes from a single outlet`);
    return { key, posts, share: denominator > 0 ? posts / denominator : 0, postIds: sample.ids, warnings };
  };

  const warnings: string[] = [];
  if (totalPosts === 0) warnings.push("No articles for this ward in the period; ingest e-papers or widen the dates");
  else warnings.push(...thinWarning(totalPosts, "The whole period"));
  if (sources.size === 1) warnings.push(`Every article in the period comes from one outlet (${topSources[0]?.[0] ?? ""})`);

  return {
    ward: { id: ward.id, code: ward.code, name: ward.name, localName: ward.localName },
    from,
    to,
    totals: {
      posts: totalPosts,
      outlets: sources.size,
      averageSentiment: totalPosts > 0 ? sentimentSum / totalPosts : null,
      negativeShare: totalPosts > 0 ? negativePosts / totalPosts : null,
    },
    daily,
    topics: topTopics.map(([key, n]) => figure("topic", key, n, totalPosts, `Topic "${key}"`)),
    parties: allParties.map(([key, n]) => figure("party", key, n, partyPosts, `The share of ${key}`)),
    sources: topSources.map(([key, n]) => figure("source", key, n, totalPosts, `Source "${key}"`)),
    warnings,
    updatedAt,
  };
}

/**
 * The posts behind the figures, from one pass over the ward's posts in the period (each figure looking up its own
 * posts visited the same heap pages once per figure): per day, its first DAY_EVIDENCE posts; per topic, party and
 * source, its FIGURE_EVIDENCE newest, and whether any other outlet than the newest one's covered it too — i.e. more
 * than one outlet did (lowest ≠ highest, compared byte-wise). Keyed `kind\u0000key`, kind being day, topic, party or
 * source.
 */
async function fetchEvidence(db: Db, wardId: string, from: string, to: string): Promise<Map<string, { ids: string[]; multipleOutlets: boolean }>> {
  const rows = await db.$queryRaw<{ kind: string; key: string; ids: string[]; multipleOutlets: boolean }[]>`
    WITH posts AS MATERIALIZED (
      SELECT p."id", p."publishedAt" AS at, p."source", p."party", p."topics", (p."publishedAt" AT TIME ZONE 'UTC')::date AS day
      FROM "Post" p
      WHERE p."wardId" = ${wardId}::uuid AND NOT p."isDuplicate"
        AND p."publishedAt" >= ${from}::date::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < (${to}::date + 1)::timestamp AT TIME ZONE 'UTC'
    ),
    keyed AS (
      SELECT 'topic' AS kind, t.key, p."id", p.at, p."source" FROM posts p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p."topics") AS key) AS t
      UNION ALL SELECT 'party', p."party", p."id", p.at, p."source" FROM posts p WHERE p."party" IS NOT NULL
      UNION ALL SELECT 'source', p."source", p."id", p.at, p."source" FROM posts p
    )
    SELECT kind, key, (array_agg("id"::text ORDER BY at DESC, "id"))[1:${FIGURE_EVIDENCE}::int] AS ids,
           kind <> 'source' AND min("source" COLLATE "C") <> max("source" COLLATE "C") AS "multipleOutlets"
    FROM keyed GROUP BY kind, key
    UNION ALL
    SELECT 'day', to_char(day, 'YYYY-MM-DD'), (array_agg("id"::text ORDER BY at, "id"))[1:${DAY_EVIDENCE}::int], false
    FROM posts GROUP BY day`;
  return new Map(rows.map((row) => [`${row.kind}\u0000${row.key}`, { ids: row.ids, multipleOutlets: row.multipleOutlets }]));
}
