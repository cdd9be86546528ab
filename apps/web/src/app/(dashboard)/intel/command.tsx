import type { ReactNode } from "react";

/** A command to type, as empty states name the next step. */
export function Command({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
      {children}
    </code>
  );
}
