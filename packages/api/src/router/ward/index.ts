import { wardSummarySchema } from "@sunuwai/validators";
import { z } from "zod";
import { listJurisdictionWards, listWards } from "../../services/wards";
import { analystProcedure, createTRPCRouter, staffProcedure } from "../../trpc";

export const wardRouter = createTRPCRouter({
  /** Helpdesk: the wards whose grievances this staff member handles. */
  jurisdiction: staffProcedure
    .output(z.array(wardSummarySchema))
    .query(({ ctx }) => listJurisdictionWards(ctx.db, ctx.viewer)),
  /** Intel: every ward. */
  list: analystProcedure.output(z.array(wardSummarySchema)).query(({ ctx }) => listWards(ctx.db)),
});
