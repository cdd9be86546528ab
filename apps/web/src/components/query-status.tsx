import { Alert, Spinner } from "@sunuwai/ui";
import { en } from "~/messages/en";

/** What a panel shows while its data loads, or when loading failed (never the raw error). */
export function QueryStatus({
  isPending,
  isError,
  what,
}: {
  isPending: boolean;
  isError: boolean;
  what: string;
}) {
  if (isError) return <Alert tone="error">{en.errors.loadFailed(what)}</Alert>;
  if (isPending)
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <Spinner /> {en.common.loading}
      </p>
    );
  return null;
}
