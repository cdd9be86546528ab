import type { Db } from "@sunuwai/db";
import { SENSITIVE_CATEGORIES } from "@sunuwai/validators";
import type {
  AddCommentInput,
  AssignInput,
  BulkChangeStatusInput,
  BulkChangeStatusOutput,
  ChangeStatusInput,
  ConfirmClassificationInput,
} from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { assertSupervisor, isSupervisorOrAdmin, staffEventActor } from "../access/actor";
import type { StaffActor } from "../access/actor";
import { recordGrievanceEvent } from "../events";
import { slaPolicyFromEnv } from "../workflow/sla";
import type { SlaPolicy } from "../workflow/sla";
import { GRIEVANCE_STATE_SELECT, lockGrievance, lockVisibleGrievance } from "./load";
import type { GrievanceState } from "./load";
import { changeGrievanceStatus } from "./transitions";

export interface StaffActionOptions {
  now?: Date;
  policy?: SlaPolicy;
}

const ASSIGNABLE_ROLES = ["OFFICER", "SUPERVISOR", "ADMIN"] as const;

/**
 * Assigns a grievance (or returns it to the supervisors' queue with `assigneeId: null`). Supervisors and admins
 * assign anyone on the staff; an officer may only take a grievance they can see for themselves.
 */
export async function assignGrievance(
  db: Db,
  actor: StaffActor,
  input: AssignInput,
  options: StaffActionOptions = {},
): Promise<GrievanceState> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grievance = await lockVisibleGrievance(tx, actor, input.grievanceId);
    if (!isSupervisorOrAdmin(actor) && input.assigneeId !== actor.userId) {
      throw new AppError(
        "FORBIDDEN",
        "Officers can only assign grievances to themselves; ask a supervisor to reassign",
      );
    }
    if (input.assigneeId === grievance.assigneeId) return grievance;
    if (input.assigneeId) {
      const assignee = await tx.user.findUnique({
        where: { id: input.assigneeId },
        select: { role: true, disabledAt: true },
      });
      if (
        !assignee ||
        assignee.disabledAt ||
        !ASSIGNABLE_ROLES.some((role) => role === assignee.role)
      ) {
        throw new AppError(
          "VALIDATION",
          "The assignee must be an active officer, supervisor or admin",
        );
      }
    }
    const updated = await tx.grievance.update({
      where: { id: grievance.id },
      data: {
        assignee: input.assigneeId ? { connect: { id: input.assigneeId } } : { disconnect: true },
      },
      select: GRIEVANCE_STATE_SELECT,
    });
    await recordGrievanceEvent(tx, updated, {
      type: "ASSIGNED",
      actor: staffEventActor(actor),
      at: now,
      payload: {
        assigneeId: input.assigneeId,
        previousAssigneeId: grievance.assigneeId,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return updated;
  });
}

/** Changes the status if the status machine allows it; the reason goes into the audit trail. */
export async function changeStatus(
  db: Db,
  actor: StaffActor,
  input: ChangeStatusInput,
  options: StaffActionOptions = {},
): Promise<GrievanceState> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? slaPolicyFromEnv();
  return db.$transaction(async (tx) => {
    const grievance = await lockVisibleGrievance(tx, actor, input.grievanceId);
    return changeGrievanceStatus(tx, grievance, input.status, {
      by: "staff",
      actor: staffEventActor(actor),
      now,
      policy,
      reason: input.reason,
    });
  });
}

/**
 * Supervisors change many grievances at once. Each is checked on its own: illegal transitions and unknown ids are
 * reported back, the rest change, all in one transaction.
 */
export async function bulkChangeStatus(
  db: Db,
  actor: StaffActor,
  input: BulkChangeStatusInput,
  options: StaffActionOptions = {},
): Promise<BulkChangeStatusOutput> {
  assertSupervisor(actor, "change the status of many grievances at once");
  const now = options.now ?? new Date();
  const policy = options.policy ?? slaPolicyFromEnv();
  // Lock in id order so two bulk changes over overlapping sets cannot deadlock.
  const ids = [...new Set(input.grievanceIds)].sort();
  return db.$transaction(
    async (tx) => {
      const result: BulkChangeStatusOutput = { changed: [], refused: [] };
      for (const id of ids) {
        const grievance = await lockGrievance(tx, id);
        if (!grievance) {
          result.refused.push({ id, reference: null, message: "Grievance not found" });
          continue;
        }
        try {
          await changeGrievanceStatus(tx, grievance, input.status, {
            by: "staff",
            actor: staffEventActor(actor),
            now,
            policy,
            reason: input.reason,
          });
          result.changed.push({ id, reference: grievance.reference });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          result.refused.push({ id, reference: grievance.reference, message: error.message });
        }
      }
      return result;
    },
    { timeout: 30_000 },
  );
}

/** An internal note (staff only) or a public reply (shown to the complainant). */
export async function addComment(
  db: Db,
  actor: StaffActor,
  input: AddCommentInput,
  options: StaffActionOptions = {},
): Promise<{ eventId: string }> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grievance = await lockVisibleGrievance(tx, actor, input.grievanceId);
    const reply = input.kind === "reply";
    const eventId = await recordGrievanceEvent(tx, grievance, {
      type: reply ? "REPLY_SENT" : "NOTE_ADDED",
      actor: staffEventActor(actor),
      public: reply,
      at: now,
      payload: { text: input.text },
    });
    return { eventId: eventId.toString() };
  });
}

const SENSITIVE: readonly string[] = SENSITIVE_CATEGORIES;

/**
 * Confirms the classifier's categories, or overrides them. A sensitive category makes the grievance sensitive;
 * sensitivity is never lowered by reclassification (a case once treated as SEAH stays protected).
 */
export async function confirmClassification(
  db: Db,
  actor: StaffActor,
  input: ConfirmClassificationInput,
  options: StaffActionOptions = {},
): Promise<GrievanceState> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grievance = await lockVisibleGrievance(tx, actor, input.grievanceId);
    const categories = input.categories ? [...new Set(input.categories)] : grievance.categories;
    if (categories.length === 0)
      throw new AppError(
        "VALIDATION",
        "There are no categories to confirm yet; choose at least one",
      );
    const current = await tx.grievance.findUniqueOrThrow({
      where: { id: grievance.id },
      select: { priority: true },
    });
    const updated = await tx.grievance.update({
      where: { id: grievance.id },
      data: {
        categories,
        classificationStatus: "OFFICER_CONFIRMED",
        sensitive:
          grievance.sensitive || categories.some((category) => SENSITIVE.includes(category)),
        ...(input.priority ? { priority: input.priority } : {}),
      },
      select: GRIEVANCE_STATE_SELECT,
    });
    const overridden = categories.join("\u0000") !== grievance.categories.join("\u0000");
    await recordGrievanceEvent(tx, updated, {
      type: "CLASSIFICATION_CONFIRMED",
      actor: staffEventActor(actor),
      at: now,
      payload: {
        categories,
        previousCategories: grievance.categories,
        previousStatus: grievance.classificationStatus,
        overridden,
        ...(input.priority && input.priority !== current.priority
          ? { priority: input.priority, previousPriority: current.priority }
          : {}),
      },
    });
    return updated;
  });
}
