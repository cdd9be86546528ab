import { wardPulse } from "@sunuwai/intel";
import { wardPulseInputSchema, wardPulseSchema } from "@sunuwai/validators";
import { analystProcedure } from "../../trpc";

export const pulseProcedures = {
  /** A ward's pulse for a period (at most 366 days), from the daily rollup, with the posts behind each figure. */
  pulse: analystProcedure
    .input(wardPulseInputSchema)
    .output(wardPulseSchema)
    .query(({ ctx, input }) => wardPulse(ctx.db, input)),
};
