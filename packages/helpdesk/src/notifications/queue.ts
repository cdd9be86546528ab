import { randomUUID } from "node:crypto";
import type { NotificationChannel, Tx } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import { messageLanguage } from "./templates";
import type { NotificationTemplate } from "./templates";

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
    select: {
      language: true,
      complainant: {
        select: { preferredChannel: true, emailBlindIndex: true, phoneBlindIndex: true },
      },
    },
  });
  const channel = chooseChannel({
    preferredChannel: grievance.complainant.preferredChannel,
    hasEmail: grievance.complainant.emailBlindIndex !== null,
    hasPhone: grievance.complainant.phoneBlindIndex !== null,
  });
  if (!channel) return null;
  const idempotencyKey = notificationKey(input.eventId);
  const id = randomUUID();
  const created = await tx.notification.createMany({
    data: [
      {
        id,
        channel,
        template: input.template,
        language: messageLanguage(grievance.language),
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
  await enqueue(
    tx,
    "notification.send",
    { notificationId: id },
    { jobKey: `notification.send:${id}` },
  );
  return { notificationId: id, channel };
}
