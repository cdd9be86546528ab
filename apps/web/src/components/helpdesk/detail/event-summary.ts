// What a timeline entry says beyond its title. Each event type reads only the payload keys listed here, so a
// field added to a payload later (or personal data by mistake) never reaches the screen unreviewed.
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { GrievanceStatusValue, TimelineEvent } from "@sunuwai/validators";
import type { HelpdeskMessages } from "~/messages/helpdesk.en";
import { formatBytes } from "../time";

export interface EventSummary {
  /** Short facts, one per line. */
  lines: string[];
  /** Text someone wrote (note, reply, message), shown as a quotation. */
  quote: string | null;
}

export interface SummaryContext {
  t: HelpdeskMessages;
  statusLabel: (status: GrievanceStatusValue) => string;
  /** A staff member's name by id, when the page knows it. */
  nameOf: (userId: string) => string | null;
}

type Payload = Record<string, unknown>;

const text = (payload: Payload, key: string): string | null => {
  const value = payload[key];
  return typeof value === "string" && value.trim() ? value : null;
};
const count = (payload: Payload, key: string): number | null => {
  const value = payload[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};
const list = (payload: Payload, key: string): string[] => {
  const value = payload[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
};
const status = (payload: Payload, key: string): GrievanceStatusValue | null => {
  const value = text(payload, key);
  return value && (GRIEVANCE_STATUSES as readonly string[]).includes(value)
    ? (value as GrievanceStatusValue)
    : null;
};

function withReason(lines: (string | null)[], payload: Payload, t: HelpdeskMessages): string[] {
  const reason = text(payload, "reason");
  return [...lines, reason ? t.timeline.reason(reason) : null].filter(
    (line): line is string => line !== null,
  );
}

const summary = (lines: (string | null)[], quote: string | null = null): EventSummary => ({
  lines: lines.filter((line): line is string => line !== null),
  quote,
});

export function summarizeEvent(event: TimelineEvent, context: SummaryContext): EventSummary {
  const { t, statusLabel, nameOf } = context;
  const tl = t.timeline;
  const p = event.payload;
  switch (event.type) {
    case "CREATED": {
      const language = text(p, "language");
      return summary([language ? tl.filedIn(t.languages[language] ?? language) : null]);
    }
    case "ASSIGNED": {
      const assigneeId = text(p, "assigneeId");
      const routing = text(p, "routing");
      if (routing === "supervisor_queue") return summary([tl.toSupervisorQueue]);
      const name = assigneeId ? nameOf(assigneeId) : null;
      return summary(
        withReason(
          [
            assigneeId ? (name ? tl.assignedTo(name) : tl.assignedToSomeone) : tl.returnedToQueue,
            routing === "ward_officer" ? tl.routedToOfficer : null,
          ],
          p,
          t,
        ),
      );
    }
    case "STATUS_CHANGED":
    case "DISPUTED": {
      const from = status(p, "from");
      const to = status(p, "to");
      return summary(
        withReason([from && to ? tl.statusChange(statusLabel(from), statusLabel(to)) : null], p, t),
      );
    }
    case "ESCALATED": {
      const fromLevel = count(p, "fromLevel");
      const toLevel = count(p, "toLevel");
      const assigneeId = text(p, "assigneeId");
      const name = assigneeId ? nameOf(assigneeId) : null;
      return summary(
        withReason(
          [
            fromLevel !== null && toLevel !== null ? tl.escalation(fromLevel, toLevel) : null,
            text(p, "trigger") === "sla" ? tl.escalatedBySla : tl.escalatedByHand,
            assigneeId ? (name ? tl.assignedTo(name) : tl.assignedToSomeone) : tl.returnedToQueue,
          ],
          p,
          t,
        ),
      );
    }
    case "CLASSIFIED": {
      const confidence = count(p, "confidence");
      const engine = text(p, "by");
      return summary([
        tl.categories(list(p, "categories").join(", ") || "—"),
        confidence !== null ? tl.confidence(Math.round(confidence * 100)) : null,
        engine ? tl.engine(engine) : null,
      ]);
    }
    case "CLASSIFICATION_FAILED": {
      const attempts = count(p, "attempts");
      const engine = text(p, "by");
      return summary([
        engine ? tl.engine(engine) : null,
        attempts !== null ? tl.attempts(attempts) : null,
        text(p, "error"),
      ]);
    }
    case "CLASSIFICATION_CONFIRMED": {
      const overridden = p.overridden === true;
      const priority = text(p, "priority");
      const previousPriority = text(p, "previousPriority");
      const priorities: Record<string, string> = t.priorities;
      return summary([
        tl.categories(list(p, "categories").join(", ") || "—"),
        overridden ? tl.previousCategories(list(p, "previousCategories").join(", ") || "—") : null,
        priority && previousPriority
          ? tl.priorityChange(
              priorities[previousPriority] ?? previousPriority,
              priorities[priority] ?? priority,
            )
          : null,
      ]);
    }
    case "SUMMARIZED": {
      const engine = text(p, "by");
      return summary([engine ? tl.engine(engine) : null]);
    }
    case "TRANSLATED": {
      const to = text(p, "to");
      const engine = text(p, "by");
      return summary([
        p.untranslated === true
          ? tl.untranslated
          : to
            ? tl.translatedTo(t.languages[to] ?? to)
            : null,
        engine ? tl.engine(engine) : null,
      ]);
    }
    case "NOTE_ADDED":
    case "REPLY_SENT":
    case "MESSAGE_ADDED":
      return summary([], text(p, "text"));
    case "FOLLOW_UP_ANSWERED": {
      const question = text(p, "question");
      return summary([question ? tl.question(question) : null], text(p, "answer"));
    }
    case "PII_REVEALED": {
      // Which fields and why; the values themselves are never in the event.
      const labels: Record<string, string> = {
        name: t.complainant.name,
        phone: t.complainant.phone,
        email: t.complainant.email,
        address: t.complainant.address,
      };
      return summary(
        withReason(
          [
            tl.revealedFields(
              list(p, "fields")
                .map((field) => labels[field] ?? field)
                .join(", "),
            ),
          ],
          p,
          t,
        ),
      );
    }
    case "FILE_ADDED": {
      const kind = text(p, "kind");
      const size = count(p, "sizeBytes");
      const kinds: Record<string, string> = t.attachments.kinds;
      return summary([
        kind && size !== null ? tl.fileAdded(kinds[kind] ?? kind, formatBytes(size)) : null,
      ]);
    }
    case "FILE_PROCESSED": {
      const reason = text(p, "reason");
      const transcription = text(p, "transcription");
      if (text(p, "status") === "REJECTED") return summary([tl.fileRejected(reason ?? "—")]);
      return summary([
        transcription === "awaiting_manual_transcription"
          ? tl.awaitingTranscription
          : transcription === "transcribed"
            ? tl.transcribed
            : tl.fileProcessed,
      ]);
    }
    case "NOTIFICATION_SENT":
    case "NOTIFICATION_FAILED": {
      const channel = text(p, "channel") ?? "";
      const template = text(p, "template") ?? "";
      const state = text(p, "status") ?? "";
      const statuses: Record<string, string> = t.notifications.statuses;
      return summary([
        tl.notification(
          t.notifications.channels[channel] ?? channel,
          t.notifications.templates[template] ?? template,
          statuses[state] ?? state,
        ),
        text(p, "error"),
      ]);
    }
    default:
      return summary([]);
  }
}
