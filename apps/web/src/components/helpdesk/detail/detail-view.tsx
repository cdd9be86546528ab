"use client";

import { useCallback, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@sunuwai/ui";
import type { GrievanceDetail, LiveUpdate, Role } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { LiveIndicator, useGrievanceUpdates } from "../live";
import { ActionsPanel } from "./actions-panel";
import { AttachmentsPanel } from "./attachments-panel";
import { ClassificationPanel } from "./classification-panel";
import { ComplainantPanel } from "./complainant-panel";
import { DetailHeader } from "./detail-header";
import { GrievanceText } from "./grievance-text";
import { NotificationsPanel } from "./notifications-panel";
import { SimilarPanel } from "./similar-panel";
import { TimelinePanel } from "./timeline-panel";

const NOTIFICATION_EVENTS = new Set([
  "NOTIFICATION_SENT",
  "NOTIFICATION_FAILED",
  "STATUS_CHANGED",
  "ESCALATED",
  "DISPUTED",
]);

/**
 * One grievance, kept current: the page subscribes to its live events and refetches what changed (the grievance on
 * every event, its messages on messaging events), announcing each update politely.
 */
export function GrievanceDetailView({
  initial,
  viewer,
  categories,
}: {
  initial: GrievanceDetail;
  viewer: { id: string; role: Role };
  categories: string[];
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grievanceId = initial.id;
  const detail = useQuery({
    ...trpc.grievance.detail.queryOptions({ grievanceId }),
    initialData: initial,
  });
  const [announcement, setAnnouncement] = useState("");
  const onUpdate = useCallback(
    (event: LiveUpdate) => {
      void queryClient.invalidateQueries(trpc.grievance.detail.queryFilter({ grievanceId }));
      if (NOTIFICATION_EVENTS.has(event.eventType))
        void queryClient.invalidateQueries(trpc.notification.list.queryFilter({ grievanceId }));
      if (event.eventType === "CLASSIFIED")
        void queryClient.invalidateQueries(trpc.grievance.similar.queryFilter({ grievanceId }));
      setAnnouncement(`${t.live.grievanceUpdated} ${t.timeline.types[event.eventType] ?? ""}`);
    },
    [queryClient, trpc, grievanceId, t],
  );
  const liveStatus = useGrievanceUpdates(onUpdate, grievanceId);
  const grievance = detail.data;

  // Names for the timeline's ids: people who acted, and the current assignee.
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const event of grievance.timeline)
      if (event.actor.id && event.actor.name) map.set(event.actor.id, event.actor.name);
    if (grievance.assignee) map.set(grievance.assignee.id, grievance.assignee.name);
    return map;
  }, [grievance]);
  const nameOf = useCallback((id: string) => names.get(id) ?? null, [names]);

  return (
    <div className="grid grid-cols-1 gap-6">
      <DetailHeader grievance={grievance} live={<LiveIndicator status={liveStatus} />} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {detail.isError && <Alert tone="error">{userFacingError(detail.error)}</Alert>}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 lg:col-span-2">
          <GrievanceText grievance={grievance} />
          <ClassificationPanel grievance={grievance} categories={categories} />
          <ActionsPanel grievance={grievance} viewer={viewer} />
          <TimelinePanel events={grievance.timeline} nameOf={nameOf} />
        </div>
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <ComplainantPanel grievance={grievance} />
          <SimilarPanel grievanceId={grievanceId} />
          <AttachmentsPanel grievance={grievance} />
          <NotificationsPanel grievanceId={grievanceId} />
        </div>
      </div>
    </div>
  );
}
