import { Prisma } from "@sunuwai/db";
import type { Db, GrievanceEventType } from "@sunuwai/db";
import { liveKindOf } from "@sunuwai/helpdesk";
import type { GrievanceLiveEvent, LiveUpdate, LiveUpdatesInput } from "@sunuwai/validators";
import { tracked } from "@trpc/server";
import type { TrackedEnvelope } from "@trpc/server";
import type { LiveAudience } from "./audience";
import type { LiveEventHub } from "./hub";
import { GAP, LiveInbox, RecentIds } from "./inbox";

const REPLAY_PAGE = 500;

interface ReplayRow {
  id: bigint;
  type: GrievanceEventType;
  grievanceId: string;
}

/** Events after `after` the audience may receive, oldest first, a page at a time (visibility as the grievance is now). */
async function* replayEvents(
  db: Db,
  audience: LiveAudience,
  after: bigint,
  grievanceId: string | undefined,
  signal: AbortSignal,
): AsyncGenerator<LiveUpdate> {
  const onlyGrievance = grievanceId
    ? Prisma.sql`AND e."grievanceId" = ${grievanceId}::uuid`
    : Prisma.empty;
  let cursor = after;
  while (!signal.aborted) {
    const rows = await db.$queryRaw<ReplayRow[]>`
      SELECT e."id", e."type"::text AS "type", e."grievanceId"::text AS "grievanceId"
      FROM "GrievanceEvent" e JOIN "Grievance" g ON g."id" = e."grievanceId"
      WHERE e."id" > ${cursor} ${onlyGrievance} AND ${audience.replayFilter}
      ORDER BY e."id"
      LIMIT ${REPLAY_PAGE}`;
    for (const row of rows) {
      yield {
        kind: liveKindOf(row.type),
        eventId: row.id.toString(),
        eventType: row.type,
        grievanceId: row.grievanceId,
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < REPLAY_PAGE) return;
    cursor = BigInt(last.id);
  }
}

async function latestEventId(db: Db): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT coalesce(max("id"), 0)::bigint AS id FROM "GrievanceEvent"`;
  return BigInt(row?.id ?? 0);
}

function toUpdate(event: GrievanceLiveEvent): LiveUpdate {
  return {
    kind: event.kind,
    eventId: event.eventId,
    eventType: event.eventType,
    grievanceId: event.grievanceId,
  };
}

export interface LiveUpdatesOptions {
  hub: LiveEventHub;
  db: Db;
  audience: LiveAudience;
  input: LiveUpdatesInput;
  signal: AbortSignal;
}

/**
 * A subscriber's stream: events after `lastEventId` replayed from the event log, then live ones from the hub,
 * each `tracked` with its event id so a reconnecting client resumes where it stopped. A gap in the live feed
 * (the listener reconnected, or this subscriber fell behind) is filled from the log the same way.
 */
export async function* liveUpdates(
  options: LiveUpdatesOptions,
): AsyncGenerator<TrackedEnvelope<LiveUpdate>> {
  const { hub, db, audience, input, signal } = options;
  const inbox = new LiveInbox();
  const wanted = (event: GrievanceLiveEvent) =>
    (!input.grievanceId || event.grievanceId === input.grievanceId) && audience.mayReceive(event);
  // Subscribe before reading the log: whatever commits from here on is heard live, the rest is replayed.
  const unsubscribe = await hub.subscribe({
    deliver: (event) => {
      if (wanted(event)) inbox.push(event);
    },
    gap: () => inbox.gap(),
  });
  try {
    const resumeFrom = input.lastEventId ? BigInt(input.lastEventId) : null;
    let cursor = resumeFrom ?? (await latestEventId(db));
    const sent = new RecentIds();
    const send = (update: LiveUpdate) => {
      sent.add(update.eventId);
      const id = BigInt(update.eventId);
      if (id > cursor) cursor = id;
      return tracked(update.eventId, update);
    };
    const catchUp = async function* (after: bigint) {
      for await (const update of replayEvents(db, audience, after, input.grievanceId, signal)) {
        if (!sent.has(update.eventId)) yield send(update);
      }
    };
    if (resumeFrom !== null) yield* catchUp(resumeFrom);
    for await (const item of inbox.drain(signal)) {
      if (item === GAP) yield* catchUp(cursor);
      else if (!sent.has(item.eventId)) yield send(toUpdate(item));
    }
  } finally {
    unsubscribe();
  }
}
