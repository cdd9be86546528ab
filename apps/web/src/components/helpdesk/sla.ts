import { OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { GrievanceStatusValue } from "@sunuwai/validators";

export type SlaState =
  | { kind: "due"; dueAt: Date }
  | { kind: "overdue"; dueAt: Date; overdueMs: number }
  /** Open, but at a level without a clock (legal). */
  | { kind: "none" }
  /** Resolved, denied or closed: nothing is due. */
  | { kind: "stopped" };

const OPEN: readonly GrievanceStatusValue[] = OPEN_GRIEVANCE_STATUSES;

/** Where a grievance stands against its SLA at `now` (the same rule as the API's `overdue`). */
export function slaState(
  grievance: { status: GrievanceStatusValue; slaDueAt: Date | null },
  now: Date,
): SlaState {
  if (!OPEN.includes(grievance.status)) return { kind: "stopped" };
  if (!grievance.slaDueAt) return { kind: "none" };
  const overdueMs = now.getTime() - grievance.slaDueAt.getTime();
  return overdueMs >= 0
    ? { kind: "overdue", dueAt: grievance.slaDueAt, overdueMs }
    : { kind: "due", dueAt: grievance.slaDueAt };
}
