"use client";

import { Badge, Card, Timeline, TimelineItem } from "@sunuwai/ui";
import type { TimelineEvent } from "@sunuwai/validators";
import { useStatusLabel } from "../labels";
import { useHelpdeskText } from "../language-provider";
import { AbsoluteAndRelativeTime } from "../time-text";
import { eventIcon } from "./event-icons";
import { summarizeEvent } from "./event-summary";

/** The grievance's audit trail, oldest first: who did what, when, and why. Personal data never appears here. */
export function TimelinePanel({
  events,
  nameOf,
}: {
  events: TimelineEvent[];
  nameOf: (userId: string) => string | null;
}) {
  const { t } = useHelpdeskText();
  const statusLabel = useStatusLabel();
  const label = (status: Parameters<typeof statusLabel>[0]) => statusLabel(status).primary;
  return (
    <Card title={t.timeline.title}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t.timeline.empty}</p>
      ) : (
        <Timeline label={t.timeline.label}>
          {events.map((event) => {
            const { icon, tone } = eventIcon(event.type);
            const summary = summarizeEvent(event, { t, statusLabel: label, nameOf });
            const actor =
              event.actor.name ?? t.timeline.actors[event.actor.kind] ?? event.actor.kind;
            const internal = event.type === "NOTE_ADDED";
            return (
              <TimelineItem
                key={event.id}
                icon={icon}
                tone={tone}
                title={
                  <span className="flex flex-wrap items-center gap-2" data-event-type={event.type}>
                    {t.timeline.types[event.type] ?? event.type}
                    {internal && <Badge tone="warning">{t.timeline.internal}</Badge>}
                    {event.public && <Badge tone="success">{t.timeline.public}</Badge>}
                  </span>
                }
                meta={
                  <>
                    {t.timeline.by(actor)} · <AbsoluteAndRelativeTime value={event.at} />
                  </>
                }
              >
                {(summary.lines.length > 0 || summary.quote) && (
                  <>
                    {summary.lines.map((line) => (
                      <p key={line}>{line}</p>
                    ))}
                    {summary.quote && (
                      <blockquote
                        className={
                          internal
                            ? "mt-1 rounded-md border-l-4 border-amber-300 bg-amber-50 px-3 py-2 whitespace-pre-wrap"
                            : "mt-1 rounded-md border-l-4 border-slate-300 bg-slate-50 px-3 py-2 whitespace-pre-wrap"
                        }
                      >
                        {summary.quote}
                      </blockquote>
                    )}
                  </>
                )}
              </TimelineItem>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
