"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { cn } from "@sunuwai/ui";
import type { LiveUpdate } from "@sunuwai/validators";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "./language-provider";

export type LiveStatus = "idle" | "connecting" | "pending" | "error";

/**
 * `grievance.onUpdate` over SSE: every change to the grievances the viewer may see (or to one of them). The link
 * reconnects on its own and resumes from the last event id, so nothing is missed across a dropped connection.
 */
export function useGrievanceUpdates(
  onUpdate: (update: LiveUpdate) => void,
  grievanceId?: string,
): LiveStatus {
  const trpc = useTRPC();
  const subscription = useSubscription(
    trpc.grievance.onUpdate.subscriptionOptions(grievanceId ? { grievanceId } : {}, {
      onData: (event) => onUpdate(event.data),
    }),
  );
  return subscription.status;
}

/** A dot and a word: live, connecting, or interrupted (and retrying). */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useHelpdeskText();
  const live = status === "pending";
  const text = live ? t.live.connected : status === "error" ? t.live.error : t.live.connecting;
  return (
    <p
      role="status"
      data-live-status={status}
      className={cn(
        "inline-flex items-center gap-2 text-xs font-medium",
        live ? "text-emerald-800" : status === "error" ? "text-amber-800" : "text-slate-500",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "size-2 rounded-full",
          live
            ? "bg-emerald-500"
            : status === "error"
              ? "bg-amber-500"
              : "animate-pulse bg-slate-400",
        )}
      />
      {text}
    </p>
  );
}
