import type { Db, NotificationChannel, NotificationStatus } from "@sunuwai/db";
import { assertHelpdeskStaff } from "../access/actor";
import type { StaffActor } from "../access/actor";
import { canSeeGrievance, grievanceNotFound } from "../access/visibility";
import { EVENT_SUBJECT_SELECT } from "../events";
import { isUuid } from "../services/load";

/** One message to the complainant as the dashboard shows it; the recipient's address is never part of it. */
export interface NotificationView {
  id: string;
  channel: NotificationChannel;
  template: string;
  language: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  updatedAt: Date;
}

/** The messages sent (or queued, or failed) about a grievance the actor may see, oldest first. */
export async function listNotifications(
  db: Db,
  actor: StaffActor,
  grievanceId: string,
): Promise<NotificationView[]> {
  assertHelpdeskStaff(actor);
  const grievance = isUuid(grievanceId)
    ? await db.grievance.findUnique({ where: { id: grievanceId }, select: EVENT_SUBJECT_SELECT })
    : null;
  if (!grievance || !canSeeGrievance(actor, grievance)) throw grievanceNotFound();
  return db.notification.findMany({
    where: { grievanceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      channel: true,
      template: true,
      language: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      updatedAt: true,
    },
  });
}
