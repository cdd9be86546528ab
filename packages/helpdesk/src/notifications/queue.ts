import { randomUUID } from "node:crypto";
import type { NotificationChannel, Prisma, Tx } from "@sunuwai/db";
import { enqueue, enqueueSql } from "@sunuwai/jobs";
import { messageLanguage } from "./templates";
import type { MessageLanguage, NotificationTemplate } from "./templates";

export interface QueueNotificationInput {
  grievanceId: string;
  /** The GrievanceEvent the message is about (CREATED, STATUS_CHANGED, ESCALATED …); one message per event. */
  eventId: bigint | string;
  template: NotificationTemplate;
}

/** The complainant's preferred channel when we have the contact for it; otherwise email, then SMS. */
export function chooseChannel(contact: {
  preferredChannel: NotificationChannel | null;
  hasEmail: boolean;
  hasPhone: boolean;
}): NotificationChannel | null {
  const reachable = (channel: NotificationChannel) =>
    channel === "EMAIL" ? contact.hasEmail : contact.hasPhone;
  if (contact.preferredChannel && reachable(contact.preferredChannel))
    return contact.preferredChannel;
  if (contact.hasEmail) return "EMAIL";
  if (contact.hasPhone) return "SMS";
  return null;
}

/** `event:<id>`: the idempotency key that makes a second queueing of the same event a no-op. */
export function notificationKey(eventId: bigint | string): string {
  return `event:${eventId.toString()}`;
}

export interface NotificationPlan {
  channel: NotificationChannel;
  language: MessageLanguage;
}

const CONTACT_SELECT = {
  preferredChannel: true,
  emailBlindIndex: true,
  phoneBlindIndex: true,
} as const;

/** How a message to this complainant goes out: their reachable channel and the grievance's language. */
export function notificationPlanFor(
  contact: {
    preferredChannel: NotificationChannel | null;
    emailBlindIndex: string | null;
    phoneBlindIndex: string | null;
  },
  grievanceLanguage: string,
): NotificationPlan | null {
  const channel = chooseChannel({
    preferredChannel: contact.preferredChannel,
    hasEmail: contact.emailBlindIndex !== null,
    hasPhone: contact.phoneBlindIndex !== null,
  });
  return channel ? { channel, language: messageLanguage(grievanceLanguage) } : null;
}

function notificationSendJobKey(notificationId: string): string {
  return `notification.send:${notificationId}`;
}

/** Adds the `notification.send` job of a notification row written in the same transaction. */
export async function enqueueNotificationSend(tx: Tx, notificationId: string): Promise<void> {
  await enqueue(
    tx,
    "notification.send",
    { notificationId },
    { jobKey: notificationSendJobKey(notificationId) },
  );
}

/** The same job as `enqueueNotificationSend`, as SQL for a larger statement (see `enqueueSql`). */
export function notificationSendJobSql(notificationId: string): Prisma.Sql {
  return enqueueSql(
    "notification.send",
    { notificationId },
    { jobKey: notificationSendJobKey(notificationId) },
  );
}

/**
 * Queues the message about one grievance event to its complainant, inside the caller's transaction: one
 * Notification row (QUEUED) and its `notification.send` job commit with the change they announce. Queueing the
 * same event again changes nothing. Returns null when the complainant left no contact.
 */
export async function queueNotification(
  tx: Tx,
  input: QueueNotificationInput,
): Promise<{ notificationId: string; channel: NotificationChannel } | null> {
  const grievance = await tx.grievance.findUniqueOrThrow({
    where: { id: input.grievanceId },
    select: { language: true, complainant: { select: CONTACT_SELECT } },
  });
  const plan = notificationPlanFor(grievance.complainant, grievance.language);
  if (!plan) return null;
  const idempotencyKey = notificationKey(input.eventId);
  const id = randomUUID();
  const created = await tx.notification.createMany({
    data: [
      {
        id,
        channel: plan.channel,
        template: input.template,
        language: plan.language,
        idempotencyKey,
        grievanceId: input.grievanceId,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) {
    const existing = await tx.notification.findUniqueOrThrow({
      where: { idempotencyKey },
      select: { id: true, channel: true },
    });
    return { notificationId: existing.id, channel: existing.channel };
  }
  await enqueueNotificationSend(tx, id);
  return { notificationId: id, channel: plan.channel };
}
