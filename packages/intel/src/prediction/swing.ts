/** Bounds and weights of the swing; published with every prediction so the method can be checked by hand. */
export const SWING_RULE = {
  /** Recent coverage window, days. */
  windowDays: 30,
  /** Largest move of a party's share either way (5 points). */
  maxSwing: 0.05,
  /** Weight of (coverage share − last vote share). */
  coverageWeight: 0.1,
  /** Points moved by an average sentiment of ±1. */
  sentimentWeight: 0.05,
  /** Articles about all parties for full confidence in the coverage share. */
  fullCoverageArticles: 30,
  /** Articles about one party for full weight of its sentiment. */
  fullSentimentArticles: 10,
  /** Interval: base half-width, share of |swing|, and extra width when coverage is thin. */
  intervalBase: 0.02,
  intervalSwingShare: 0.5,
  intervalThinCoverage: 0.03,
} as const;

export interface PartyCoverage {
  articles: number;
  /** Mean sentiment of those articles, -1 … 1. */
  sentiment: number;
}

export interface SwingPrediction {
  voteShares: Record<string, number>;
  interval: Record<string, [number, number]>;
  swings: Record<string, number>;
  coverageShares: Record<string, number>;
  /** min(1, articles / fullCoverageArticles). */
  confidence: number;
  articles: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Last result + bounded swing, per party p with last share b:
 *   m = p's share of recent party coverage, s = mean sentiment of p's articles, w = min(1, N / 30)
 *   swing = clamp(w · 0.10 · (m − b) + 0.05 · s · min(1, n / 10), −0.05, +0.05)
 *   share = max(0, b + swing), renormalised to sum to 1
 *   interval = share ± (0.02 + 0.5 · |swing| + 0.03 · (1 − w)), within 0 … 1
 * Parties absent from the last result get no share: there is nothing to swing from.
 */
export function predictShares(lastShares: Readonly<Record<string, number>>, coverage: Readonly<Record<string, PartyCoverage>>): SwingPrediction {
  const parties = Object.keys(lastShares);
  const articles = parties.reduce((sum, p) => sum + (coverage[p]?.articles ?? 0), 0);
  const w = Math.min(1, articles / SWING_RULE.fullCoverageArticles);
  const swings: Record<string, number> = {};
  const coverageShares: Record<string, number> = {};
  const raw: Record<string, number> = {};
  for (const party of parties) {
    const b = lastShares[party] ?? 0;
    const n = coverage[party]?.articles ?? 0;
    const m = articles > 0 ? n / articles : 0;
    const s = coverage[party]?.sentiment ?? 0;
    const swing = articles > 0
      ? clamp(w * SWING_RULE.coverageWeight * (m - b) + SWING_RULE.sentimentWeight * s * Math.min(1, n / SWING_RULE.fullSentimentArticles), -SWING_RULE.maxSwing, SWING_RULE.maxSwing)
      : 0;
    swings[party] = round4(swing);
    coverageShares[party] = round4(m);
    raw[party] = Math.max(0, b + swing);
  }
  const total = Object.values(raw).reduce((sum, v) => sum + v, 0);
  const voteShares: Record<string, number> = {};
  const interval: Record<string, [number, number]> = {};
  for (const party of parties) {
    const share = total > 0 ? (raw[party] ?? 0) / total : 0;
    const half = SWING_RULE.intervalBase + SWING_RULE.intervalSwingShare * Math.abs(swings[party] ?? 0) + SWING_RULE.intervalThinCoverage * (1 - w);
    voteShares[party] = round4(share);
    interval[party] = [round4(clamp(share - half, 0, 1)), round4(clamp(share + half, 0, 1))];
  }
  return { voteShares, interval, swings, coverageShares, confidence: round4(w), articles };
}

/** The method in plain words, with this prediction's numbers. */
export function describeMethod(input: { baseElection: string; windowDays: number; articles: number; confidence: number }): string {
  const { maxSwing, coverageWeight, sentimentWeight, fullCoverageArticles, fullSentimentArticles } = SWING_RULE;
  return [
    `Starts from each party's share of valid votes in this ward at ${input.baseElection} (Form 20).`,
    `Each party then moves by a swing of at most ±${maxSwing * 100} points, taken from the ${input.articles} articles about these parties in the ${input.windowDays} days before the prediction:`,
    `${coverageWeight * 100}% of the gap between the party's share of that coverage and its last vote share, weighted by coverage confidence min(1, articles / ${fullCoverageArticles}) = ${input.confidence},`,
    `plus ${sentimentWeight * 100} points times the average sentiment of its articles (−1 to 1), weighted by min(1, its articles / ${fullSentimentArticles}).`,
    "Shares are renormalised to sum to 100%. The interval is ± (2 points + half the swing + 3 points × (1 − confidence)).",
    input.articles === 0 ? "No recent articles name these parties, so the prediction equals the last result." : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Mean absolute error over the union of parties, and whether the predicted winner won. */
export function scoreAgainst(predicted: Readonly<Record<string, number>>, actual: Readonly<Record<string, number>>): { meanAbsError: number; winnerCorrect: boolean } {
  const parties = new Set([...Object.keys(predicted), ...Object.keys(actual)]);
  let error = 0;
  for (const party of parties) error += Math.abs((predicted[party] ?? 0) - (actual[party] ?? 0));
  const winner = (shares: Readonly<Record<string, number>>) => Object.entries(shares).sort((a, b) => b[1] - a[1])[0]?.[0];
  return { meanAbsError: parties.size > 0 ? round4(error / parties.size) : 0, winnerCorrect: winner(predicted) !== undefined && winner(predicted) === winner(actual) };
}
