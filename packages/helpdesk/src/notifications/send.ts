import type { Db, NotificationStatus, Prisma } from "@sunuwai/db";
import { grievanceStatusSchema } from "@sunuwai/validators";
import type { Attempt } from "../ai/attempt";
import { describeFailure, isFinalAttempt } from "../ai/attempt";
import { EVENT_SUBJECT_SELECT, recordGrievanceEvent } from "../events";
import { decryptComplainantPii } from "../pii/complainant-pii";
import type { PiiVault } from "../pii/vault";
import type { OutgoingMessage, Senders } from "./senders";
import { isNotificationTemplate, messageLanguage, renderNotification } from "./templates";

export type SendOutcome =
  "sent" | "logged" | "failed" | "already_done" | "claimed_elsewhere" | "missing";

export interface SendOptions {
  vault: PiiVault;
  disputeWindowDays: number;
}

function payloadField(payload: Prisma.JsonValue | undefined, key: string): unknown {
  return payload !== null && typeof payload === "object" && !Array.isArray(payload)
    ? payload[key]
    : undefined;
}

/** A message that can never be sent (no contact on file, unknown template): failing again will not help. */
class UndeliverableError extends Error {
  override readonly name = "UndeliverableError";
}

/** Renders the message from the event it announces, and decrypts the one contact it goes to. */
async function composeMessage(
  db: Db,
  notification: {
    id: string;
    channel: "EMAIL" | "SMS" | "WHATSAPP";
    template: string;
    language: string;
    idempotencyKey: string;
    grievanceId: string;
  },
  options: SendOptions,
): Promise<OutgoingMessage> {
  if (!isNotificationTemplate(notification.template))
    throw new UndeliverableError(`Unknown template "${notification.template}"`);
  const grievance = await db.grievance.findUniqueOrThrow({
    where: { id: notification.grievanceId },
    select: {
      reference: true,
      status: true,
      escalationLevel: true,
      complainant: {
        select: {
          id: true,
          nameCipher: true,
          phoneCipher: true,
          emailCipher: true,
          addressCipher: true,
        },
      },
    },
  });
  const eventId = /^event:(\d+)$/.exec(notification.idempotencyKey)?.[1];
  const event = eventId
    ? await db.grievanceEvent.findUnique({
        where: { id: BigInt(eventId) },
        select: { payload: true },
      })
    : null;
  const status = grievanceStatusSchema.safeParse(payloadField(event?.payload, "to"));
  const level = payloadField(event?.payload, "toLevel");
  const rendered = renderNotification(
    notification.template,
    messageLanguage(notification.language),
    {
      reference: grievance.reference,
      status: status.success ? status.data : grievance.status,
      escalationLevel: typeof level === "number" ? level : grievance.escalationLevel,
      disputeWindowDays: options.disputeWindowDays,
    },
  );
  const pii = decryptComplainantPii(options.vault, grievance.complainant);
  const to = notification.channel === "EMAIL" ? pii.email : pii.phone;
  if (!to)
    throw new UndeliverableError(
      `The complainant has no ${notification.channel === "EMAIL" ? "email address" : "phone number"} on file`,
    );
  return { ...rendered, to, notificationId: notification.id };
}

async function recordResult(
  db: Db,
  notification: { id: string; channel: string; template: string; grievanceId: string },
  result: { status: NotificationStatus; providerId?: string | null; error?: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const done = result.status === "SENT" || result.status === "LOGGED";
    await tx.notification.update({
      where: { id: notification.id },
      data: done
        ? {
            status: result.status,
            sentAt: new Date(),
            providerId: result.providerId ?? null,
            lastError: null,
          }
        : { status: result.status, lastError: result.error ?? null },
    });
    if (result.status === "QUEUED") return;
    const grievance = await tx.grievance.findUniqueOrThrow({
      where: { id: notification.grievanceId },
      select: EVENT_SUBJECT_SELECT,
    });
    await recordGrievanceEvent(tx, grievance, {
      type: done ? "NOTIFICATION_SENT" : "NOTIFICATION_FAILED",
      actor: { kind: "worker" },
      payload: {
        notificationId: notification.id,
        channel: notification.channel,
        template: notification.template,
        status: result.status,
        ...(result.error ? { error: result.error } : {}),
      },
    });
  });
}

/**
 * `notification.send`. The row is claimed first with a conditional UPDATE (status still QUEUED and the attempt
 * count unchanged), so two runs can never both send; a row already SENT, LOGGED or FAILED is left alone.
 *
 * The one window left is a crash after the provider accepted the message and before SENT is written: the row is
 * still QUEUED and the retried job sends again. We accept that duplicate (at-least-once) because no provider here
 * offers idempotent sends and losing a "received, your reference is …" message is worse than repeating it;
 * the email Message-ID is derived from the notification id so mail clients can recognise the repeat.
 *
 * A provider error is retried by graphile-worker with backoff; after the last attempt the row is FAILED (with
 * the last error) and the dashboard can resend it.
 */
export async function sendNotification(
  db: Db,
  senders: Senders,
  notificationId: string,
  attempt: Attempt,
  options: SendOptions,
): Promise<SendOutcome> {
  const notification = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      channel: true,
      template: true,
      language: true,
      idempotencyKey: true,
      status: true,
      attempts: true,
      grievanceId: true,
    },
  });
  if (!notification) return "missing";
  if (notification.status !== "QUEUED") return "already_done";
  const claimed = await db.$executeRaw`
    UPDATE "Notification" SET attempts = attempts + 1, "updatedAt" = now()
    WHERE id = ${notificationId}::uuid AND status = 'QUEUED' AND attempts = ${notification.attempts}`;
  if (claimed === 0) return "claimed_elsewhere";
  const sender = senders[notification.channel];
  try {
    const message = await composeMessage(db, notification, options);
    const { providerId } = await sender.send(message);
    await recordResult(db, notification, {
      status: sender.configured ? "SENT" : "LOGGED",
      providerId,
    });
    return sender.configured ? "sent" : "logged";
  } catch (error) {
    const final = isFinalAttempt(attempt) || error instanceof UndeliverableError;
    await recordResult(db, notification, {
      status: final ? "FAILED" : "QUEUED",
      error: describeFailure(error),
    });
    if (!final) throw error;
    return "failed";
  }
}
