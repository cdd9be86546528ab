import type { Db } from "@sunuwai/db";
import type { PulseFigure, WardPulse, WardPulseDay } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { isCalendarDate } from "../ingest/line-schema";
import { dayNumber, dayString } from "../dedup/near-duplicates";
import { findWardByCode } from "../wards/find-ward";
import { evidencePostId, FIGURE_EVIDENCE } from "./rollup";
import type { PulseEvidence } from "./rollup";

/** A figure resting on fewer articles than this carries a warning. */
export const MIN_ARTICLES = 5;
export const MAX_PULSE_DAYS = 366;
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
  /** The day's PulseEvidence as JSON text (parsed here: cheaper than through the driver's JSON handling). */
  evidence: string;
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
  // Figures and the posts behind them both come from the rollup: raw posts are never read here. The ward is looked up
  // meanwhile (the rollup query finds it by code itself), so the two round trips overlap.
  const [ward, rows] = await Promise.all([
    findWardByCode(db, input.wardCode),
    db.$queryRaw<RollupRow[]>`
      SELECT to_char(w."day", 'YYYY-MM-DD') AS day, w."posts", w."sentimentSum", w."negativePosts", w."topics", w."parties", w."sources",
             w."evidence"::text AS evidence, w."updatedAt"
      FROM "WardPulseDaily" w
      WHERE w."wardId" = (SELECT "id" FROM "Ward" WHERE lower("code") = lower(${input.wardCode.trim()}) LIMIT 1)
        AND w."day" >= ${from}::date AND w."day" <= ${to}::date
      ORDER BY w."day"`,
  ]);
  const dayEvidence = new Map<string, string[]>();
  const evidence = new EvidenceMerger();
  for (const row of rows) {
    const perDay = JSON.parse(row.evidence) as PulseEvidence;
    dayEvidence.set(row.day, perDay.day ?? []);
    evidence.add(perDay);
  }

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
      postIds: posts > 0 ? (dayEvidence.get(day) ?? []).map(evidencePostId) : [],
      warnings: [...thinWarning(posts, `The figure for ${day}`), ...(outlets === 1 ? [`Every article on ${day} comes from one outlet`] : [])],
    });
  }

  const figure = (kind: string, key: string, posts: number, denominator: number, label: string): PulseFigure => {
    const sample = evidence.figure(`${kind}:${key}`);
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

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The posts behind the topic, party and source figures over a period, merged from the rollup's per-day evidence: per
 * figure (`kind:key`) its FIGURE_EVIDENCE newest posts, and whether more than one outlet covered it (lowest ≠ highest
 * outlet over the days).
 */
class EvidenceMerger {
  private readonly entries = new Map<string, string[]>();
  private readonly outlets = new Map<string, [string, string]>();

  add(evidence: PulseEvidence): void {
    for (const [key, list] of Object.entries(evidence)) {
      if (key === "day") continue;
      if (key.startsWith("outlets-")) {
        const figure = key.slice("outlets-".length);
        const [low, high] = list as [string, string];
        const range = this.outlets.get(figure);
        if (!range) this.outlets.set(figure, [low, high]);
        else {
          if (byteOrder(low, range[0]) < 0) range[0] = low;
          if (byteOrder(high, range[1]) > 0) range[1] = high;
        }
        continue;
      }
      const all = this.entries.get(key);
      if (all) all.push(...list);
      else this.entries.set(key, [...list]);
    }
  }

  figure(key: string): { ids: string[]; multipleOutlets: boolean } {
    const newest = [...new Set(this.entries.get(key) ?? [])].sort((a, b) => byteOrder(b, a)).slice(0, FIGURE_EVIDENCE);
    const range = this.outlets.get(key);
    return { ids: newest.map(evidencePostId), multipleOutlets: range !== undefined && range[0] !== range[1] };
  }
}
