import type { Db } from "@sunuwai/db";
import { wardElections } from "../form20/aggregates";
import { scoreAgainst } from "./swing";

/** Scores open predictions for `election` in wards that now have its actual result. */
export async function scorePredictions(db: Db, input: { election: string }): Promise<{ scored: number }> {
  const open = await db.prediction.findMany({
    where: { election: input.election, scoredAt: null },
    select: { id: true, wardId: true, voteShares: true },
  });
  const actualByWard = new Map<string, Record<string, number> | null>();
  let scored = 0;
  for (const prediction of open) {
    if (!actualByWard.has(prediction.wardId)) {
      const result = (await wardElections(db, prediction.wardId)).find((e) => e.election === input.election);
      actualByWard.set(prediction.wardId, result && result.validVotes > 0 ? Object.fromEntries(result.parties.map((p) => [p.party, p.share])) : null);
    }
    const actual = actualByWard.get(prediction.wardId);
    if (!actual) continue;
    const predicted = (prediction.voteShares ?? {}) as Record<string, number>;
    const score = scoreAgainst(predicted, actual);
    // Only still-open rows: two loads of the same result never score a prediction twice.
    const updated = await db.prediction.updateMany({
      where: { id: prediction.id, scoredAt: null },
      data: { scoredAt: new Date(), meanAbsError: score.meanAbsError, winnerCorrect: score.winnerCorrect, actualShares: actual },
    });
    scored += updated.count;
  }
  return { scored };
}
