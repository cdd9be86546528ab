import { listAssignees, slaReport } from "@sunuwai/helpdesk";
import {
  assigneeOptionSchema,
  grievanceIdInputSchema,
  slaReportInputSchema,
  slaReportSchema,
} from "@sunuwai/validators";
import { z } from "zod";
import { createTRPCRouter } from "../../trpc";
import { helpdeskStaffProcedure } from "../grievance/procedures";

export const helpdeskRouter = createTRPCRouter({
  /** % resolved within SLA and median time to resolve, per officer and per ward, over what the caller may see. */
  slaReport: helpdeskStaffProcedure
    .input(slaReportInputSchema.optional())
    .output(slaReportSchema)
    .query(({ ctx, input }) => slaReport(ctx.db, ctx.actor, input)),
  /** Who a grievance can be assigned to: its ward's officers, then supervisors and admins, with their open work. */
  assignees: helpdeskStaffProcedure
    .input(grievanceIdInputSchema)
    .output(z.array(assigneeOptionSchema))
    .query(({ ctx, input }) => listAssignees(ctx.db, ctx.actor, input.grievanceId)),
});
