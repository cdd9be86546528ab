import { slaReport } from "@sunuwai/helpdesk";
import { slaReportInputSchema, slaReportSchema } from "@sunuwai/validators";
import { createTRPCRouter } from "../../trpc";
import { helpdeskStaffProcedure } from "../grievance/procedures";

export const helpdeskRouter = createTRPCRouter({
  /** % resolved within SLA and median time to resolve, per officer and per ward, over what the caller may see. */
  slaReport: helpdeskStaffProcedure
    .input(slaReportInputSchema.optional())
    .output(slaReportSchema)
    .query(({ ctx, input }) => slaReport(ctx.db, ctx.actor, input)),
});
