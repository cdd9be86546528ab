import { Prisma } from "@sunuwai/db";
import type { GrievanceEventType } from "@sunuwai/db";
import {
  chatbotMaySeeLiveEvent,
  staffMaySeeLiveEvent,
  visibleGrievanceSql,
} from "@sunuwai/helpdesk";
import type { ChatbotActor, StaffActor } from "@sunuwai/helpdesk";
import type { GrievanceLiveEvent } from "@sunuwai/validators";

/** Who receives which events, live (from the notification's ids) and replayed (as SQL over the event log). */
export interface LiveAudience {
  mayReceive(event: GrievanceLiveEvent): boolean;
  /** Condition over `"GrievanceEvent" e JOIN "Grievance" g`. */
  replayFilter: Prisma.Sql;
}

/** Staff: the same visibility rule as the queue, sensitive cases included. */
export function staffAudience(actor: StaffActor): LiveAudience {
  return {
    mayReceive: (event) => staffMaySeeLiveEvent(actor, event),
    replayFilter: visibleGrievanceSql(actor, "g"),
  };
}

/**
 * What a complainant may learn through their chatbot: the changes its grievance view shows. Staff-only events
 * (notes, assignments, PII reveals, notification bookkeeping) are never announced to a chatbot.
 */
export const CHATBOT_EVENT_TYPES: readonly GrievanceEventType[] = [
  "CREATED",
  "MESSAGE_ADDED",
  "FOLLOW_UP_ANSWERED",
  "CLASSIFIED",
  "CLASSIFICATION_FAILED",
  "CLASSIFICATION_CONFIRMED",
  "SUMMARIZED",
  "TRANSLATED",
  "STATUS_CHANGED",
  "REPLY_SENT",
  "ESCALATED",
  "FILE_ADDED",
  "FILE_PROCESSED",
  "DISPUTED",
];

/** A chatbot: only the grievances its own token filed. */
export function chatbotAudience(actor: ChatbotActor): LiveAudience {
  const types: readonly string[] = CHATBOT_EVENT_TYPES;
  return {
    mayReceive: (event) => chatbotMaySeeLiveEvent(actor, event) && types.includes(event.eventType),
    replayFilter: Prisma.sql`g."sourceApiTokenId" = ${actor.apiTokenId}::uuid
      AND e."type"::text = ANY(${[...types]}::text[])`,
  };
}
