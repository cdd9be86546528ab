"use client";

import { cn } from "@sunuwai/ui";
import type { GrievanceStatusValue } from "@sunuwai/validators";
import { useHelpdeskText } from "./language-provider";
import { slaState } from "./sla";
import { formatAbsolute, formatDuration, formatRelative } from "./time";
import { useNow } from "./use-now";

/** "Due in 2 days" or a red "Overdue by 3 hours", ticking; the exact due time on hover. */
export function SlaIndicator({
  status,
  slaDueAt,
  className,
}: {
  status: GrievanceStatusValue;
  slaDueAt: Date | null;
  className?: string;
}) {
  const { t, language } = useHelpdeskText();
  const now = useNow();
  const state = slaState({ status, slaDueAt }, now);
  if (state.kind === "stopped" || state.kind === "none")
    return (
      <span className={cn("text-slate-500", className)}>
        {state.kind === "stopped" ? t.sla.stopped : t.sla.noClock}
      </span>
    );
  const overdue = state.kind === "overdue";
  return (
    <time
      dateTime={state.dueAt.toISOString()}
      title={formatAbsolute(state.dueAt, language)}
      suppressHydrationWarning
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap",
        overdue ? "font-semibold text-red-700" : "text-slate-700",
        className,
      )}
    >
      {overdue && <span aria-hidden="true">⚠</span>}
      {overdue
        ? t.sla.overdueBy(formatDuration(state.overdueMs, language))
        : t.sla.dueIn(formatRelative(state.dueAt, now, language))}
    </time>
  );
}
