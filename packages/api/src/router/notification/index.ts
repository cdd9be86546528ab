import { listNotifications, resendNotification } from "@sunuwai/helpdesk/notifications";
import { grievanceIdInputSchema } from "@sunuwai/validators";
import { z } from "zod";
import { createTRPCRouter } from "../../trpc";
import { helpdeskStaffProcedure } from "../grievance/procedures";

const notificationSchema = z.object({
  id: z.uuid(),
  channel: z.enum(["EMAIL", "SMS", "WHATSAPP"]),
  template: z.string(),
  language: z.string(),
  status: z.enum(["QUEUED", "SENT", "LOGGED", "FAILED"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  updatedAt: z.date(),
});

const notificationIdSchema = z.object({ notificationId: z.uuid() });

export const notificationRouter = createTRPCRouter({
  /** The messages to the complainant about a grievance the caller can see, with their delivery state. */
  list: helpdeskStaffProcedure
    .input(grievanceIdInputSchema)
    .output(z.array(notificationSchema))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input.grievanceId)),
  /** Queues a FAILED (or only LOGGED) message again; a queued or sent one is a CONFLICT. */
  resend: helpdeskStaffProcedure
    .input(notificationIdSchema)
    .output(notificationIdSchema)
    .mutation(({ ctx, input }) => resendNotification(ctx.db, ctx.actor, input.notificationId)),
});
