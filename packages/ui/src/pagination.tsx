import type { ReactNode } from "react";
import { Button } from "./button";

/** Previous / next page with where the reader is ("Page 2 of 7"); the buttons disable at either end. */
export function Pagination({
  page,
  pageCount,
  onPageChange,
  label,
  summary,
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  label: string;
  summary: ReactNode;
  previousLabel?: string;
  nextLabel?: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600" aria-live="polite">
        {summary}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          <span aria-hidden="true">←</span> {previousLabel}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pageCount}
          onClick={() => onPageChange(page + 1)}
        >
          {nextLabel} <span aria-hidden="true">→</span>
        </Button>
      </div>
    </nav>
  );
}
