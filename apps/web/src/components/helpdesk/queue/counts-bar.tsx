"use client";

import { cn } from "@sunuwai/ui";
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { QueueCounts } from "@sunuwai/validators";
import { useHelpdeskText } from "../language-provider";
import { useStatusLabel } from "../labels";
import type { QueueSearch } from "../queue-params";

function Chip({
  label,
  count,
  pressed,
  tone = "default",
  onClick,
}: {
  label: string;
  count: number;
  pressed: boolean;
  tone?: "default" | "danger";
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700",
        pressed
          ? "bg-indigo-700 text-white ring-indigo-700"
          : tone === "danger" && count > 0
            ? "bg-red-50 text-red-800 ring-red-200 hover:bg-red-100"
            : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      <span>{label}</span>
      <span
        className={cn(
          "min-w-6 rounded-full px-1.5 text-xs font-semibold tabular-nums",
          pressed ? "bg-white/20" : "bg-slate-100 text-slate-800",
        )}
      >
        {count}
      </span>
    </button>
  );
}

/** Counts over everything the viewer may see; each is also a one-click filter. */
export function CountsBar({
  counts,
  search,
  onChange,
}: {
  counts: QueueCounts | undefined;
  search: QueueSearch;
  onChange: (patch: Partial<QueueSearch>) => void;
}) {
  const { t } = useHelpdeskText();
  const statusLabel = useStatusLabel();
  if (!counts) return <div className="h-8" aria-hidden="true" />;
  return (
    <div role="group" aria-label={t.counts.label} className="flex flex-wrap gap-2">
      <Chip
        label={t.counts.open}
        count={counts.open}
        pressed={search.status === "open"}
        onClick={() => onChange({ status: search.status === "open" ? null : "open" })}
      />
      <Chip
        label={t.counts.overdue}
        count={counts.overdue}
        tone="danger"
        pressed={search.overdue}
        onClick={() => onChange({ overdue: !search.overdue })}
      />
      <Chip
        label={t.counts.unassigned}
        count={counts.unassigned}
        pressed={search.assignee === "unassigned"}
        onClick={() =>
          onChange({ assignee: search.assignee === "unassigned" ? null : "unassigned" })
        }
      />
      <span aria-hidden="true" className="mx-1 w-px self-stretch bg-slate-200" />
      {GRIEVANCE_STATUSES.map((status) => (
        <Chip
          key={status}
          label={statusLabel(status).primary}
          count={counts.byStatus[status] ?? 0}
          pressed={search.status === status}
          onClick={() => onChange({ status: search.status === status ? null : status })}
        />
      ))}
    </div>
  );
}
