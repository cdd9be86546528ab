import { useId } from "react";
import type { ReactNode } from "react";
import { cn } from "./cn";

/** A titled section of a page. */
export function Card({
  title,
  description,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const generatedId = useId();
  const headingId = title ? generatedId : undefined;
  return (
    <section
      aria-labelledby={headingId}
      className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      {(title ?? actions) && (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div>
            {title && (
              <h2 id={headingId} className="text-base font-semibold text-slate-900">
                {title}
              </h2>
            )}
            {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      <div className="p-5">{children}</div>
    </section>
  );
}
