import { GRIEVANCE_STATUS_LABELS, OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { GrievanceStatusValue } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";

export type GrievanceStatus = GrievanceStatusValue;

/** Who may make a transition: staff (dashboard), the complainant (chatbot) or the SLA task. */
export type TransitionActor = "staff" | "complainant" | "system";

/**
 * The grievance status machine. Issue 3's transitions, plus these deliberate extras:
 * - UNDER_EVALUATION → RESOLVED | DENIED: most grievances are settled at level 1 without escalation.
 * - SUBMITTED | DISPUTED → ESCALATED: the SLA task escalates an overdue grievance that nobody picked up, and a
 *   dispute that is not taken up in time; staff may escalate by hand from the same states.
 * Deliberately absent:
 * - SUBMITTED → RESOLVED | DENIED: a grievance is evaluated before it is decided (one click), so every decision
 *   has an evaluation step in the audit trail.
 * - ESCALATED → UNDER_EVALUATION: an escalated grievance stays escalated until decided; its level says who holds it.
 * - DISPUTED → CLOSED, and anything out of CLOSED: a dispute must be evaluated again; CLOSED is final.
 * ESCALATED → ESCALATED is not a status change: when an escalated grievance is overdue again, the SLA task raises
 * its level (2 → 3 → 4) and the status stays ESCALATED.
 */
export const STATUS_TRANSITIONS: Readonly<
  Record<GrievanceStatus, Partial<Record<GrievanceStatus, readonly TransitionActor[]>>>
> = {
  SUBMITTED: { UNDER_EVALUATION: ["staff"], ESCALATED: ["staff", "system"] },
  UNDER_EVALUATION: { ESCALATED: ["staff", "system"], RESOLVED: ["staff"], DENIED: ["staff"] },
  ESCALATED: { RESOLVED: ["staff"], DENIED: ["staff"] },
  RESOLVED: { DISPUTED: ["complainant"], CLOSED: ["staff", "system"] },
  DENIED: { DISPUTED: ["complainant"], CLOSED: ["staff", "system"] },
  DISPUTED: { UNDER_EVALUATION: ["staff"], ESCALATED: ["staff", "system"] },
  CLOSED: {},
};

export function canTransition(
  from: GrievanceStatus,
  to: GrievanceStatus,
  actor: TransitionActor,
): boolean {
  return STATUS_TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** Statuses `actor` may move a grievance to from `from`. */
export function allowedNextStatuses(
  from: GrievanceStatus,
  actor: TransitionActor,
): GrievanceStatus[] {
  return Object.entries(STATUS_TRANSITIONS[from])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to as GrievanceStatus);
}

/** Throws CONFLICT with a message naming both statuses and what is possible instead. */
export function assertTransition(
  from: GrievanceStatus,
  to: GrievanceStatus,
  actor: TransitionActor,
): void {
  if (canTransition(from, to, actor)) return;
  const fromLabel = GRIEVANCE_STATUS_LABELS[from].en;
  const toLabel = GRIEVANCE_STATUS_LABELS[to].en;
  if (from === to)
    throw new AppError(
      "CONFLICT",
      `Cannot change status from ${from} to ${to}: the grievance is already ${fromLabel.toLowerCase()}.`,
    );
  const onlyOthers = STATUS_TRANSITIONS[from][to];
  const why = onlyOthers
    ? `only ${onlyOthers.map((who) => (who === "system" ? "the SLA task" : `the ${who}`)).join(" or ")} may do that`
    : `a ${fromLabel.toLowerCase()} grievance cannot become ${toLabel.toLowerCase()}`;
  const next = allowedNextStatuses(from, actor);
  const instead = next.length > 0 ? ` Possible next statuses: ${next.join(", ")}.` : "";
  throw new AppError("CONFLICT", `Cannot change status from ${from} to ${to}: ${why}.${instead}`);
}

const OPEN = new Set<GrievanceStatus>(OPEN_GRIEVANCE_STATUSES);

/** Open work: its SLA clock runs and it counts towards an officer's load. */
export function isOpenStatus(status: GrievanceStatus): boolean {
  return OPEN.has(status);
}

export { GRIEVANCE_STATUS_LABELS, OPEN_GRIEVANCE_STATUSES };
