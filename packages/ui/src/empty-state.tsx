import type { ReactNode } from "react";
import { cn } from "./cn";

/** Shown where a list has nothing yet: says why, and what to do next. */
export function EmptyState({
  title,
  children,
  action,
  className,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center",
        className,
      )}
    >
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {children && (
        <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{children}</div>
      )}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
