import { Prisma } from "@sunuwai/db";
import { SENSITIVE_CATEGORIES } from "@sunuwai/validators";
import type { GrievanceLiveEvent } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { assertHelpdeskStaff, isSupervisorOrAdmin } from "./actor";
import type { ChatbotActor, StaffActor } from "./actor";

/**
 * Who sees a grievance:
 * - supervisors and admins: every grievance;
 * - an officer: grievances in the wards of their jurisdiction and those assigned to them, except sensitive
 *   (Gender/SEAH) ones, which only their assignee sees;
 * - analysts: none.
 * The same rule appears three times below (in memory, as a Prisma filter, as SQL); the tests hold them together.
 */
export interface VisibilityFacts {
  wardId: string | null;
  assigneeId: string | null;
  sensitive: boolean;
  categories: readonly string[];
}

const SENSITIVE: readonly string[] = SENSITIVE_CATEGORIES;

export function isSensitive(grievance: Pick<VisibilityFacts, "sensitive" | "categories">): boolean {
  return (
    grievance.sensitive || grievance.categories.some((category) => SENSITIVE.includes(category))
  );
}

export function canSeeGrievance(actor: StaffActor, grievance: VisibilityFacts): boolean {
  if (actor.role === "ANALYST") return false;
  if (isSupervisorOrAdmin(actor)) return true;
  const assigned = grievance.assigneeId === actor.userId;
  const inJurisdiction = grievance.wardId !== null && actor.wardIds.includes(grievance.wardId);
  return assigned || (inJurisdiction && !isSensitive(grievance));
}

/** Reading PII needs more than seeing the grievance: supervisors/admins, or the officer it is assigned to. */
export function canRevealPii(
  actor: StaffActor,
  grievance: Pick<VisibilityFacts, "assigneeId">,
): boolean {
  return (
    isSupervisorOrAdmin(actor) ||
    (actor.role === "OFFICER" && grievance.assigneeId === actor.userId)
  );
}

/**
 * Another jurisdiction's grievance answers exactly like a missing one: NOT_FOUND with the same message, so an
 * officer cannot probe which references exist.
 */
export function grievanceNotFound(): AppError {
  return new AppError("NOT_FOUND", "Grievance not found");
}

export function visibleGrievanceWhere(actor: StaffActor): Prisma.GrievanceWhereInput {
  assertHelpdeskStaff(actor);
  if (isSupervisorOrAdmin(actor)) return {};
  return {
    OR: [
      { assigneeId: actor.userId },
      {
        wardId: { in: [...actor.wardIds] },
        sensitive: false,
        NOT: { categories: { hasSome: [...SENSITIVE] } },
      },
    ],
  };
}

/** SQL form of the rule for raw queries over `"Grievance"` aliased as `alias`. */
export function visibleGrievanceSql(actor: StaffActor, alias: string): Prisma.Sql {
  assertHelpdeskStaff(actor);
  if (isSupervisorOrAdmin(actor)) return Prisma.sql`TRUE`;
  const g = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${g}."assigneeId" = ${actor.userId}::uuid OR (
    ${g}."wardId" = ANY(${[...actor.wardIds]}::uuid[])
    AND NOT ${g}."sensitive"
    AND NOT (${g}."categories" && ${[...SENSITIVE]}::text[])))`;
}

/** Whether a staff subscriber may receive a live event: the same rule, from the ids the event carries. */
export function staffMaySeeLiveEvent(
  actor: StaffActor,
  event: Pick<GrievanceLiveEvent, "wardId" | "assigneeId" | "sensitive">,
): boolean {
  return canSeeGrievance(actor, {
    wardId: event.wardId,
    assigneeId: event.assigneeId,
    sensitive: event.sensitive,
    categories: [],
  });
}

/** A chatbot receives live events only for grievances it filed. */
export function chatbotMaySeeLiveEvent(
  actor: ChatbotActor,
  event: Pick<GrievanceLiveEvent, "sourceApiTokenId">,
): boolean {
  return event.sourceApiTokenId === actor.apiTokenId;
}
