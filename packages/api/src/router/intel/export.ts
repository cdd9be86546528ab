import { exportPulseCsv, exportResultsCsv } from "@sunuwai/intel";
import { wardPulseInputSchema, wardCodeSchema } from "@sunuwai/validators";
import { z } from "zod";
import { analystProcedure, createTRPCRouter } from "../../trpc";

const csvExportSchema = z.object({ fileName: z.string(), csv: z.string() });

export const exportRouter = createTRPCRouter({
  /** A ward's pulse for a period as CSV: a row per day, then per topic, party and source, with warnings. */
  pulse: analystProcedure
    .input(wardPulseInputSchema)
    .output(csvExportSchema)
    .query(({ ctx, input }) => exportPulseCsv(ctx.db, input)),
  /** A ward's Form 20 results (one election, or all) as CSV in the long format they were loaded in. */
  results: analystProcedure
    .input(
      z.object({
        wardCode: wardCodeSchema,
        election: z.string().trim().min(1).max(100).optional(),
      }),
    )
    .output(csvExportSchema)
    .query(({ ctx, input }) => exportResultsCsv(ctx.db, input)),
});
