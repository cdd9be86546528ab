import type { Prisma, Tx } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import type { EventActor } from "../access/actor";
import { recordGrievanceEvent } from "../events";
import { queueNotification } from "../notifications/queue";
import { MAX_ESCALATION_LEVEL, slaDueAt } from "../workflow/sla";
import type { SlaPolicy } from "../workflow/sla";
import { assertTransition } from "../workflow/status";
import type { GrievanceStatus, TransitionActor } from "../workflow/status";
import { GRIEVANCE_STATE_SELECT } from "./load";
import type { GrievanceState } from "./load";
import { pickSupervisor } from "./routing";

export interface TransitionOptions {
  by: TransitionActor;
  actor: EventActor;
  now: Date;
  policy: SlaPolicy;
  reason?: string;
}

/** Why an escalation happened: the SLA clock ran out, or someone escalated by hand. */
export type EscalationTrigger = "sla" | "manual";

async function update(
  tx: Tx,
  id: string,
  data: Prisma.GrievanceUpdateInput,
): Promise<GrievanceState> {
  return tx.grievance.update({ where: { id }, data, select: GRIEVANCE_STATE_SELECT });
}

/**
 * Raises a (locked) grievance one level: new SLA clock, reassigned to the least-loaded supervisor (or the
 * supervisors' queue), status ESCALATED, one ESCALATED event.
 */
export async function escalateGrievance(
  tx: Tx,
  grievance: GrievanceState,
  options: TransitionOptions & { trigger: EscalationTrigger },
): Promise<GrievanceState> {
  // Only the SLA clock raises the level of a grievance that is already escalated; people go by the status machine.
  if (grievance.status !== "ESCALATED" || options.trigger !== "sla")
    assertTransition(grievance.status, "ESCALATED", options.by);
  if (grievance.escalationLevel >= MAX_ESCALATION_LEVEL) {
    throw new AppError(
      "CONFLICT",
      `${grievance.reference} is already at the highest escalation level (${MAX_ESCALATION_LEVEL}, legal)`,
    );
  }
  const toLevel = grievance.escalationLevel + 1;
  const assigneeId = await pickSupervisor(tx, grievance.wardId);
  const dueAt = slaDueAt(toLevel, options.now, options.policy);
  const updated = await update(tx, grievance.id, {
    status: "ESCALATED",
    escalationLevel: toLevel,
    slaDueAt: dueAt,
    assignee: assigneeId ? { connect: { id: assigneeId } } : { disconnect: true },
  });
  const eventId = await recordGrievanceEvent(tx, updated, {
    type: "ESCALATED",
    actor: options.actor,
    public: true,
    at: options.now,
    payload: {
      from: grievance.status,
      to: "ESCALATED",
      fromLevel: grievance.escalationLevel,
      toLevel,
      trigger: options.trigger,
      previousAssigneeId: grievance.assigneeId,
      assigneeId,
      slaDueAt: dueAt?.toISOString() ?? null,
      ...(options.reason ? { reason: options.reason } : {}),
    },
  });
  await queueNotification(tx, { grievanceId: updated.id, eventId, template: "escalated" });
  return updated;
}

/**
 * Moves a (locked) grievance to `to` if the status machine allows it for `options.by`, with the side effects of
 * each status, and records the change.
 */
export async function changeGrievanceStatus(
  tx: Tx,
  grievance: GrievanceState,
  to: GrievanceStatus,
  options: TransitionOptions,
): Promise<GrievanceState> {
  if (to === "ESCALATED")
    return escalateGrievance(tx, grievance, { ...options, trigger: "manual" });
  assertTransition(grievance.status, to, options.by);
  const data: Prisma.GrievanceUpdateInput = { status: to };
  if (to === "RESOLVED" || to === "DENIED") data.resolvedAt = options.now;
  if (to === "CLOSED") data.closedAt = options.now;
  if (to === "DISPUTED") {
    // A dispute reopens the case: it is no longer resolved and gets a fresh clock at its current level.
    data.resolvedAt = null;
    data.slaDueAt = slaDueAt(grievance.escalationLevel, options.now, options.policy);
  }
  const updated = await update(tx, grievance.id, data);
  const eventId = await recordGrievanceEvent(tx, updated, {
    type: to === "DISPUTED" ? "DISPUTED" : "STATUS_CHANGED",
    actor: options.actor,
    public: true,
    at: options.now,
    payload: { from: grievance.status, to, ...(options.reason ? { reason: options.reason } : {}) },
  });
  // The complainant hears of every change in the same transaction; a resolution says how to dispute it.
  await queueNotification(tx, {
    grievanceId: updated.id,
    eventId,
    template: to === "RESOLVED" ? "resolved" : "status_changed",
  });
  return updated;
}
