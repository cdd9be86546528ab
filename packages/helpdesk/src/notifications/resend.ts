import type { Db } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import { AppError } from "@sunuwai/validators/errors";
import type { StaffActor } from "../access/actor";
import { canSeeGrievance } from "../access/visibility";
import { EVENT_SUBJECT_SELECT } from "../events";

/**
 * Sends a FAILED (or only LOGGED) notification again from the dashboard: back to QUEUED with a new
 * `notification.send` job. Staff who cannot see the grievance get the same NOT_FOUND as for a missing one.
 */
export async function resendNotification(
  db: Db,
  actor: StaffActor,
  notificationId: string,
): Promise<{ notificationId: string }> {
  return db.$transaction(async (tx) => {
    const notification = await tx.notification.findUnique({
      where: { id: notificationId },
      select: { status: true, grievance: { select: EVENT_SUBJECT_SELECT } },
    });
    if (!notification || !canSeeGrievance(actor, notification.grievance))
      throw new AppError("NOT_FOUND", "Notification not found");
    const reopened = await tx.$executeRaw`
      UPDATE "Notification" SET status = 'QUEUED', "lastError" = NULL, "updatedAt" = now()
      WHERE id = ${notificationId}::uuid AND status IN ('FAILED', 'LOGGED')`;
    if (reopened === 0) {
      throw new AppError(
        "CONFLICT",
        `Only failed or logged notifications can be resent; this one is ${notification.status.toLowerCase()}.`,
      );
    }
    await enqueue(
      tx,
      "notification.send",
      { notificationId },
      { jobKey: `notification.send:${notificationId}` },
    );
    return { notificationId };
  });
}
