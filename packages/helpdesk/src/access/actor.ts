import type { Role } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";

/** A signed-in staff member as the API resolves it: role plus the wards they have jurisdiction over. */
export interface StaffActor {
  userId: string;
  role: Role;
  wardIds: readonly string[];
}

/** A chatbot calling with an API token; it reaches a grievance only with its reference and the phone on file. */
export interface ChatbotActor {
  apiTokenId: string;
}

/** Who an event is attributed to in the timeline. */
export type EventActor =
  | { kind: "user"; userId: string }
  | { kind: "chatbot"; apiTokenId: string }
  | { kind: "system" }
  | { kind: "worker" };

export function staffEventActor(actor: StaffActor): EventActor {
  return { kind: "user", userId: actor.userId };
}

export function chatbotEventActor(actor: ChatbotActor): EventActor {
  return { kind: "chatbot", apiTokenId: actor.apiTokenId };
}

export function isSupervisorOrAdmin(actor: StaffActor): boolean {
  return actor.role === "SUPERVISOR" || actor.role === "ADMIN";
}

/** The wall: analysts have no helpdesk access at all. */
export function assertHelpdeskStaff(actor: StaffActor): void {
  if (actor.role === "ANALYST")
    throw new AppError("FORBIDDEN", "Analysts have no access to the helpdesk");
}

export function assertSupervisor(actor: StaffActor, what: string): void {
  if (!isSupervisorOrAdmin(actor))
    throw new AppError("FORBIDDEN", `Only supervisors and admins can ${what}`);
}
