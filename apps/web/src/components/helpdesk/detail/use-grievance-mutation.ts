"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useToast } from "@sunuwai/ui";
import { useTRPC } from "~/trpc/react";

/**
 * After an action on a grievance: say so in a toast (unless the panel says so itself) and refetch the grievance and the queue. (The live
 * subscription would refetch too; doing it here makes the change appear without waiting for it.)
 */
export function useAfterGrievanceChange(grievanceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  return async (message?: string) => {
    if (message) toast({ tone: "success", title: message });
    await Promise.all([
      queryClient.invalidateQueries(trpc.grievance.detail.queryFilter({ grievanceId })),
      queryClient.invalidateQueries(trpc.grievance.queue.pathFilter()),
      queryClient.invalidateQueries(trpc.grievance.counts.pathFilter()),
    ]);
  };
}
