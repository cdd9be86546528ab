import { cn } from "./cn";

/** A grey placeholder the shape of content that is loading; pair it with a status text for screen readers. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("block animate-pulse rounded bg-slate-200", className ?? "h-4 w-full")}
    />
  );
}
