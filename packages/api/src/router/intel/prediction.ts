import { listPredictions, predictWard } from "@sunuwai/intel";
import type { IntelPrediction } from "@sunuwai/validators";
import { predictionInputSchema, predictionSchema } from "@sunuwai/validators";
import { analystProcedure, createTRPCRouter } from "../../trpc";
import { latestPredictionInputSchema, ledgerSchema, wardCodeInputSchema } from "./schemas";
import type { Ledger } from "./schemas";

/** The newest LEDGER_SIZE predictions of a ward make up its ledger. */
const LEDGER_SIZE = 200;

/** Scored predictions summarised: how far off they were on average, and how often the winner was right. */
export function summariseLedger(predictions: IntelPrediction[]): Ledger["summary"] {
  const scored = predictions.filter((p) => p.scoredAt !== null && p.meanAbsError !== null);
  const errorSum = scored.reduce((sum, p) => sum + (p.meanAbsError ?? 0), 0);
  return {
    scored: scored.length,
    meanAbsError: scored.length > 0 ? errorSum / scored.length : null,
    winnerCorrect: scored.filter((p) => p.winnerCorrect === true).length,
  };
}

export const predictionRouter = createTRPCRouter({
  /** The ward's newest prediction (for one election when given), or null when none was made yet. */
  latest: analystProcedure
    .input(latestPredictionInputSchema)
    .output(predictionSchema.nullable())
    .query(async ({ ctx, input }) => {
      const predictions = await listPredictions(ctx.db, {
        wardCode: input.wardCode,
        limit: input.election ? LEDGER_SIZE : 1,
      });
      return (
        predictions.find((p) => input.election === undefined || p.election === input.election) ??
        null
      );
    }),
  /** Predicts vote shares for an election from the last Form 20 result and recent coverage, and stores it. */
  create: analystProcedure
    .input(predictionInputSchema)
    .output(predictionSchema)
    .mutation(({ ctx, input }) => predictWard(ctx.db, input)),
});

export const ledgerProcedures = {
  /** Every prediction of a ward with its score once the actual result is loaded, and the summary of the scored ones. */
  ledger: analystProcedure
    .input(wardCodeInputSchema)
    .output(ledgerSchema)
    .query(async ({ ctx, input }) => {
      const predictions = await listPredictions(ctx.db, {
        wardCode: input.wardCode,
        limit: LEDGER_SIZE,
      });
      return { predictions, summary: summariseLedger(predictions) };
    }),
};
