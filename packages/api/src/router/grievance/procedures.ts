import type { ChatbotActor, StaffActor } from "@sunuwai/helpdesk";
import type { TokenViewer, UserViewer } from "@sunuwai/validators";
import { chatbotProcedure, staffProcedure, supervisorProcedure } from "../../trpc";

/** The one place a signed-in viewer becomes the actor the helpdesk services check scope against. */
export function staffActorOf(viewer: UserViewer): StaffActor {
  return { userId: viewer.id, role: viewer.role, wardIds: viewer.wardIds };
}

/** The one place an API token becomes the chatbot actor of the helpdesk services. */
export function chatbotActorOf(viewer: TokenViewer): ChatbotActor {
  return { apiTokenId: viewer.tokenId };
}

/**
 * Helpdesk staff: officers, supervisors and admins. Analysts are refused here with FORBIDDEN before any service
 * runs (staffProcedure admits no analyst), so the wall between helpdesk and analytics holds for every procedure.
 */
export const helpdeskStaffProcedure = staffProcedure.use(({ ctx, next }) =>
  next({ ctx: { actor: staffActorOf(ctx.viewer) } }),
);

/** Supervisors and admins only (bulk changes). */
export const helpdeskSupervisorProcedure = supervisorProcedure.use(({ ctx, next }) =>
  next({ ctx: { actor: staffActorOf(ctx.viewer) } }),
);

/** API tokens; each procedure still declares its scopes with `.meta({ scopes })`. */
export const helpdeskChatbotProcedure = chatbotProcedure.use(({ ctx, next }) =>
  next({ ctx: { actor: chatbotActorOf(ctx.viewer) } }),
);
