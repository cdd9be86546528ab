import {
  addComment,
  assignGrievance,
  bulkChangeStatus,
  changeStatus,
  confirmClassification,
  countQueue,
  getGrievanceDetail,
  getGrievanceDetailByReference,
  listQueue,
  revealComplainantPii,
  suggestSimilarGrievances,
} from "@sunuwai/helpdesk";
import {
  addCommentInputSchema,
  assignInputSchema,
  bulkChangeStatusInputSchema,
  bulkChangeStatusOutputSchema,
  changeStatusInputSchema,
  confirmClassificationInputSchema,
  eventRecordedSchema,
  grievanceDetailSchema,
  grievanceIdInputSchema,
  grievanceReferenceSchema,
  grievanceStateSchema,
  queueCountsSchema,
  queueFiltersSchema,
  queuePageSchema,
  revealPiiInputSchema,
  revealPiiOutputSchema,
  similarGrievanceSchema,
} from "@sunuwai/validators";
import { z } from "zod";
import { helpdeskStaffProcedure as staff, helpdeskSupervisorProcedure } from "./procedures";

/** What helpdesk staff do in the dashboard; every service checks the actor's scope itself. */
export const staffGrievanceProcedures = {
  /** One page of the grievances the caller may see, filtered. */
  queue: staff
    .input(queueFiltersSchema)
    .output(queuePageSchema)
    .query(({ ctx, input }) => listQueue(ctx.db, ctx.actor, input)),
  /** Badge counts over what the caller may see (others' sensitive cases never counted). */
  counts: staff.output(queueCountsSchema).query(({ ctx }) => countQueue(ctx.db, ctx.actor)),
  /** A grievance with its timeline; personal data masked. Outside the caller's scope: NOT_FOUND. */
  detail: staff
    .input(grievanceIdInputSchema)
    .output(grievanceDetailSchema)
    .query(({ ctx, input }) => getGrievanceDetail(ctx.db, ctx.actor, input.grievanceId)),
  /** The same by reference, for links such as /helpdesk/GRV-2026-000123. */
  detailByReference: staff
    .input(z.object({ reference: grievanceReferenceSchema }))
    .output(grievanceDetailSchema)
    .query(({ ctx, input }) => getGrievanceDetailByReference(ctx.db, ctx.actor, input.reference)),
  /** Up to three similar open or resolved grievances of the same ward, as suggestions. */
  similar: staff
    .input(grievanceIdInputSchema)
    .output(z.array(similarGrievanceSchema))
    .query(({ ctx, input }) => suggestSimilarGrievances(ctx.db, ctx.actor, input.grievanceId)),
  assign: staff
    .input(assignInputSchema)
    .output(grievanceStateSchema)
    .mutation(({ ctx, input }) => assignGrievance(ctx.db, ctx.actor, input)),
  /** A status change the status machine allows, with its reason in the audit trail. */
  changeStatus: staff
    .input(changeStatusInputSchema)
    .output(grievanceStateSchema)
    .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.actor, input)),
  /** `note`: staff only; `reply`: shown to the complainant. */
  addComment: staff
    .input(addCommentInputSchema)
    .output(eventRecordedSchema)
    .mutation(({ ctx, input }) => addComment(ctx.db, ctx.actor, input)),
  /** Personal data in the clear, with a reason; logged before it is returned. */
  revealPii: staff
    .input(revealPiiInputSchema)
    .output(revealPiiOutputSchema)
    .mutation(({ ctx, input }) => revealComplainantPii(ctx.db, ctx.actor, input)),
  /** Confirms the classifier's categories, or overrides them. */
  confirmClassification: staff
    .input(confirmClassificationInputSchema)
    .output(grievanceStateSchema)
    .mutation(({ ctx, input }) => confirmClassification(ctx.db, ctx.actor, input)),
  /** Many grievances to one status; each illegal move is reported back, the rest change. */
  bulkChangeStatus: helpdeskSupervisorProcedure
    .input(bulkChangeStatusInputSchema)
    .output(bulkChangeStatusOutputSchema)
    .mutation(({ ctx, input }) => bulkChangeStatus(ctx.db, ctx.actor, input)),
};
