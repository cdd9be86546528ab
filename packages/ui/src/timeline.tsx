import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
} as const;

export type TimelineTone = keyof typeof tones;

/** An ordered history, oldest first; `label` names the list for screen readers. */
export function Timeline({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ol aria-label={label} className="relative space-y-5">
      {children}
    </ol>
  );
}

/** One entry: an icon in a dot on the rail, a title line, when and by whom, and optional detail. */
export function TimelineItem({
  icon,
  tone = "neutral",
  title,
  meta,
  children,
  className,
}: {
  icon: ReactNode;
  tone?: TimelineTone;
  title: ReactNode;
  meta?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <li className={cn("relative flex gap-3", className)}>
      <span
        aria-hidden="true"
        className="absolute top-8 bottom-[-1.25rem] left-4 w-px bg-slate-200 group-last:hidden"
      />
      <span
        aria-hidden="true"
        className={cn(
          "relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-sm ring-1 ring-inset",
          tones[tone],
        )}
      >
        {icon}
      </span>
      <div className="min-w-0 flex-1 pt-1">
        <p className="text-sm font-medium text-slate-900">{title}</p>
        {meta && <p className="mt-0.5 text-xs text-slate-500">{meta}</p>}
        {children && <div className="mt-2 text-sm text-slate-700">{children}</div>}
      </div>
    </li>
  );
}
