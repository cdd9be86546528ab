import type { Db, Prisma } from "@sunuwai/db";
import type { IntelPrediction } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { wardElections } from "../form20/aggregates";
import { findWardByCode } from "../wards/find-ward";
import { describeMethod, predictShares, SWING_RULE } from "./swing";
import type { PartyCoverage } from "./swing";

type PredictionRow = Prisma.PredictionGetPayload<{ include: { ward: { select: { code: true } } } }>;

function record<T>(value: unknown): Record<string, T> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

export function toPredictionView(row: PredictionRow): IntelPrediction {
  return {
    id: row.id,
    wardId: row.wardId,
    wardCode: row.ward.code,
    election: row.election,
    asOf: row.asOf,
    voteShares: record<number>(row.voteShares),
    interval: record<[number, number]>(row.interval),
    method: row.method,
    inputs: record<unknown>(row.inputs),
    scoredAt: row.scoredAt,
    meanAbsError: row.meanAbsError,
    winnerCorrect: row.winnerCorrect,
    actualShares: row.actualShares === null ? null : record<number>(row.actualShares),
    createdAt: row.createdAt,
  };
}

/**
 * Predicts a ward's vote shares for `election` from its last Form 20 result plus a bounded swing from the last 30 days
 * of coverage (see `predictShares`), and stores the prediction in the ledger.
 */
export async function predictWard(db: Db, input: { wardCode: string; election: string; baseElection?: string; asOf?: Date }): Promise<IntelPrediction> {
  const ward = await findWardByCode(db, input.wardCode);
  const asOf = input.asOf ?? new Date();
  const elections = (await wardElections(db, ward.id)).filter((e) => e.election !== input.election);
  const base = input.baseElection ? elections.find((e) => e.election === input.baseElection) : elections[0];
  if (!base || base.validVotes === 0) {
    throw new AppError("NOT_FOUND", input.baseElection
      ? `No Form 20 result for ${input.baseElection} in ward ${ward.code}.`
      : `No Form 20 result is loaded for ward ${ward.code}; load one with pnpm intel:form20 first.`);
  }
  const since = new Date(asOf.getTime() - SWING_RULE.windowDays * 86_400_000);
  const coverageRows = await db.$queryRaw<{ party: string; articles: number; sentiment: number | null }[]>`
    SELECT "party", count(*)::int AS articles, avg("sentiment")::float8 AS sentiment FROM "Post"
    WHERE "wardId" = ${ward.id}::uuid AND NOT "isDuplicate" AND "party" IS NOT NULL
      AND "publishedAt" >= ${since} AND "publishedAt" < ${asOf}
    GROUP BY "party"`;
  const coverage: Record<string, PartyCoverage> = {};
  for (const row of coverageRows) coverage[row.party] = { articles: row.articles, sentiment: row.sentiment ?? 0 };
  const lastShares = Object.fromEntries(base.parties.map((p) => [p.party, p.share]));
  const prediction = predictShares(lastShares, coverage);
  const method = describeMethod({ baseElection: base.election, windowDays: SWING_RULE.windowDays, articles: prediction.articles, confidence: prediction.confidence });
  const row = await db.prediction.create({
    data: {
      wardId: ward.id,
      election: input.election,
      asOf,
      voteShares: prediction.voteShares,
      interval: prediction.interval,
      method,
      inputs: {
        baseElection: base.election,
        baseShares: lastShares,
        windowDays: SWING_RULE.windowDays,
        window: { from: since.toISOString(), to: asOf.toISOString() },
        coverage: Object.fromEntries(Object.entries(coverage).map(([party, c]) => [party, { articles: c.articles, sentiment: c.sentiment }])),
        coverageShares: prediction.coverageShares,
        swings: prediction.swings,
        confidence: prediction.confidence,
        rule: SWING_RULE,
      },
    },
    include: { ward: { select: { code: true } } },
  });
  return toPredictionView(row);
}

/** A ward's prediction ledger, newest first. */
export async function listPredictions(db: Db, input: { wardCode: string; limit?: number }): Promise<IntelPrediction[]> {
  const ward = await findWardByCode(db, input.wardCode);
  const rows = await db.prediction.findMany({
    where: { wardId: ward.id },
    orderBy: [{ asOf: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 50, 1), 200),
    include: { ward: { select: { code: true } } },
  });
  return rows.map(toPredictionView);
}
