import type { GrievanceEventType, Prisma, Tx } from "@sunuwai/db";
import { notify } from "@sunuwai/db/events";
import type { GrievanceLiveEvent } from "@sunuwai/validators";
import type { EventActor } from "./access/actor";
import { isSensitive } from "./access/visibility";

/** The channel every helpdesk change is announced on; the web process LISTENs and filters by scope. */
export const HELPDESK_CHANNEL = "sunuwai_helpdesk";

/** The grievance as it is after the change: the live event carries what a subscriber's scope check needs. */
export interface EventSubject {
  id: string;
  wardId: string | null;
  assigneeId: string | null;
  sensitive: boolean;
  categories: readonly string[];
  sourceApiTokenId: string | null;
}

export interface NewGrievanceEvent {
  type: GrievanceEventType;
  actor: EventActor;
  /** Visible to the complainant (public replies, status changes). */
  public?: boolean;
  /** Never personal data of the complainant: ids, statuses, staff text. */
  payload?: Record<string, unknown>;
  at?: Date;
  /** Which live event the change is announced as. */
  live?: GrievanceLiveEvent["kind"];
}

export const EVENT_SUBJECT_SELECT = {
  id: true,
  wardId: true,
  assigneeId: true,
  sensitive: true,
  categories: true,
  sourceApiTokenId: true,
} as const satisfies Prisma.GrievanceSelect;

/**
 * Appends a timeline/audit row and announces it, both through `tx`: the NOTIFY is delivered when the
 * transaction commits and dropped if it rolls back.
 */
export async function recordGrievanceEvent(tx: Tx, subject: EventSubject, event: NewGrievanceEvent): Promise<bigint> {
  const actorPayload = event.actor.kind === "chatbot" ? { apiTokenId: event.actor.apiTokenId } : {};
  const row = await tx.grievanceEvent.create({
    data: {
      grievanceId: subject.id,
      type: event.type,
      public: event.public ?? false,
      payload: { ...actorPayload, ...event.payload } as Prisma.InputJsonObject,
      actorKind: event.actor.kind,
      actorId: event.actor.kind === "user" ? event.actor.userId : null,
      ...(event.at ? { createdAt: event.at } : {}),
    },
    select: { id: true },
  });
  const live: GrievanceLiveEvent = {
    kind: event.live ?? "grievance_updated",
    eventId: row.id.toString(),
    eventType: event.type,
    grievanceId: subject.id,
    wardId: subject.wardId,
    assigneeId: subject.assigneeId,
    sensitive: isSensitive(subject),
    sourceApiTokenId: subject.sourceApiTokenId,
  };
  await notify(tx, HELPDESK_CHANNEL, live);
  return row.id;
}
