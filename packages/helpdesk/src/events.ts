import { Prisma } from "@sunuwai/db";
import type { GrievanceEventType, Tx } from "@sunuwai/db";
import type { GrievanceLiveKind } from "@sunuwai/validators";
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
  /** Which live event the change is announced as; default `liveKindOf(type)`. */
  live?: GrievanceLiveKind;
}

const TASK_OUTCOMES: readonly GrievanceEventType[] = [
  "SUMMARIZED",
  "TRANSLATED",
  "FILE_PROCESSED",
  "NOTIFICATION_SENT",
  "NOTIFICATION_FAILED",
];

/**
 * The live event a timeline row is announced as: classification outcomes, other background-task outcomes, or a
 * plain update. Replays of missed events derive it from the stored type with this same function.
 */
export function liveKindOf(type: GrievanceEventType): GrievanceLiveKind {
  if (type === "CLASSIFIED" || type === "CLASSIFICATION_FAILED") return "classification_complete";
  return TASK_OUTCOMES.includes(type) ? "task_status" : "grievance_updated";
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
 * SQL for the CTEs `input`, `inserted` and `announced` that append `events` to the timeline and NOTIFY each one.
 * `announced` (id, ord) must be read by the enclosing statement for the NOTIFYs to run. Ids are drawn first, in
 * order, so each notification can carry its event's id; `input` is materialised once.
 */
export function grievanceEventsCtes(
  subject: EventSubject,
  events: readonly NewGrievanceEvent[],
): Prisma.Sql {
  const now = new Date();
  const rows = events.map((event) => ({
    type: event.type,
    public: event.public ?? false,
    payload: JSON.stringify({
      ...(event.actor.kind === "chatbot" ? { apiTokenId: event.actor.apiTokenId } : {}),
      ...event.payload,
    }),
    at: (event.at ?? now).toISOString(),
    actorId: event.actor.kind === "user" ? event.actor.userId : null,
    actorKind: event.actor.kind,
    live: event.live ?? liveKindOf(event.type),
  }));
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  return Prisma.sql`
    input AS (
      SELECT v.*, nextval(pg_get_serial_sequence('"GrievanceEvent"', 'id')) AS id
      FROM unnest(
        ${column("type")}::text[], ${column("public")}::boolean[], ${column("payload")}::text[], ${column("at")}::text[],
        ${column("actorId")}::uuid[], ${column("actorKind")}::text[], ${column("live")}::text[]
      ) WITH ORDINALITY AS v(type, public, payload, at, actor_id, actor_kind, live, ord)
      ORDER BY v.ord
    ), inserted AS (
      INSERT INTO "GrievanceEvent" ("id", "type", "public", "payload", "createdAt", "grievanceId", "actorId", "actorKind")
      SELECT id, type::"GrievanceEventType", public, payload::jsonb, at::timestamptz, ${subject.id}::uuid, actor_id, actor_kind
      FROM input
    ), announced AS (
      SELECT input.id, input.ord FROM input
      CROSS JOIN LATERAL (SELECT pg_notify(${HELPDESK_CHANNEL}, json_build_object(
        'kind', input.live,
        'eventId', input.id::text,
        'eventType', input.type,
        'grievanceId', ${subject.id}::text,
        'wardId', ${subject.wardId}::text,
        'assigneeId', ${subject.assigneeId}::text,
        'sensitive', ${isSensitive(subject)}::boolean,
        'sourceApiTokenId', ${subject.sourceApiTokenId}::text
      )::text)) AS sent
    )`;
}

/**
 * Appends timeline/audit rows and announces each on HELPDESK_CHANNEL, in one statement through `tx`: the NOTIFYs
 * are delivered when the transaction commits and dropped if it rolls back. Returns the new event ids in order.
 */
export async function recordGrievanceEvents(
  tx: Tx,
  subject: EventSubject,
  events: readonly NewGrievanceEvent[],
): Promise<bigint[]> {
  if (events.length === 0) return [];
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    WITH ${grievanceEventsCtes(subject, events)}
    SELECT id FROM announced ORDER BY ord`;
  return inserted.map((row) => BigInt(row.id));
}

/** One event; see `recordGrievanceEvents`. */
export async function recordGrievanceEvent(
  tx: Tx,
  subject: EventSubject,
  event: NewGrievanceEvent,
): Promise<bigint> {
  const [id] = await recordGrievanceEvents(tx, subject, [event]);
  if (id === undefined) throw new Error("GrievanceEvent insert returned no id");
  return id;
}
