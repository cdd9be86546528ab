import { liveUpdatesInputSchema } from "@sunuwai/validators";
import { TRPCError } from "@trpc/server";
import { chatbotAudience, staffAudience } from "../../subscriptions/audience";
import type { LiveEventHub } from "../../subscriptions/hub";
import { liveUpdates } from "../../subscriptions/stream";
import { helpdeskChatbotProcedure, helpdeskStaffProcedure } from "./procedures";

function requireHub(hub: LiveEventHub | null): LiveEventHub {
  if (!hub)
    throw new TRPCError({
      code: "NOT_IMPLEMENTED",
      message: "Live updates are not available here.",
    });
  return hub;
}

/**
 * Live updates over SSE (`httpSubscriptionLink`): `task_status`, `classification_complete` and
 * `grievance_updated`, each carrying its event id so a reconnecting client resumes where it stopped.
 */
export const liveGrievanceProcedures = {
  /** Staff: events of the grievances the caller may see (or of one of them). */
  onUpdate: helpdeskStaffProcedure
    .input(liveUpdatesInputSchema)
    .subscription(({ ctx, input, signal }) =>
      liveUpdates({
        hub: requireHub(ctx.liveEvents),
        db: ctx.db,
        audience: staffAudience(ctx.actor),
        input,
        signal: signal ?? new AbortController().signal,
      }),
    ),
  /** Chatbot: events of the grievances its token filed, complainant-facing changes only. */
  onChatbotUpdate: helpdeskChatbotProcedure
    .meta({ scopes: ["grievance:read"] })
    .input(liveUpdatesInputSchema)
    .subscription(({ ctx, input, signal }) =>
      liveUpdates({
        hub: requireHub(ctx.liveEvents),
        db: ctx.db,
        audience: chatbotAudience(ctx.actor),
        input,
        signal: signal ?? new AbortController().signal,
      }),
    ),
};
