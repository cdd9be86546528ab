"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BadgeTone } from "@sunuwai/ui";
import { Badge, Button, Card, EmptyState, useToast } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { RelativeTime } from "../time-text";

type NotificationStatus = "QUEUED" | "SENT" | "LOGGED" | "FAILED";

const STATUS_TONES: Record<NotificationStatus, BadgeTone> = {
  QUEUED: "neutral",
  SENT: "success",
  LOGGED: "info",
  FAILED: "danger",
};

function ResendButton({
  notificationId,
  grievanceId,
}: {
  notificationId: string;
  grievanceId: string;
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const resend = useMutation(
    trpc.notification.resend.mutationOptions({
      onSuccess: async () => {
        toast({ tone: "success", title: t.notifications.resent });
        await queryClient.invalidateQueries(trpc.notification.list.queryFilter({ grievanceId }));
      },
      onError: (error) => toast({ tone: "error", title: userFacingError(error) }),
    }),
  );
  return (
    <Button
      size="sm"
      variant="secondary"
      pending={resend.isPending}
      onClick={() => resend.mutate({ notificationId })}
    >
      {resend.isPending ? t.notifications.resending : t.notifications.resend}
    </Button>
  );
}

/** Every message to the complainant with its delivery state; failed (or only logged) ones can be sent again. */
export function NotificationsPanel({ grievanceId }: { grievanceId: string }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const notifications = useQuery(trpc.notification.list.queryOptions({ grievanceId }));
  const list = notifications.data;
  return (
    <Card title={t.notifications.title}>
      {!list ? (
        <QueryStatus
          isPending={notifications.isPending}
          isError={notifications.isError}
          what={t.notifications.title}
        />
      ) : list.length === 0 ? (
        <EmptyState title={t.notifications.empty} className="py-6">
          {t.notifications.emptyHelp}
        </EmptyState>
      ) : (
        <ul aria-label={t.notifications.caption} className="grid gap-2">
          {list.map((item) => (
            <li key={item.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">
                  {t.notifications.templates[item.template] ?? item.template}
                </span>
                <Badge tone={STATUS_TONES[item.status]}>
                  {t.notifications.statuses[item.status]}
                </Badge>
              </div>
              <p className="mt-1 text-xs text-slate-600">
                {t.notifications.channels[item.channel] ?? item.channel} · {item.language} ·{" "}
                {t.notifications.attempts}: {item.attempts} ·{" "}
                <RelativeTime value={item.sentAt ?? item.updatedAt} />
              </p>
              {item.status === "LOGGED" && (
                <p className="mt-1 text-xs text-slate-600">{t.notifications.loggedHelp}</p>
              )}
              {item.status === "QUEUED" && (
                <p className="mt-1 text-xs text-slate-600">{t.notifications.queuedHelp}</p>
              )}
              {item.lastError && (
                <p className="mt-1 text-xs break-words text-red-700">
                  {t.notifications.lastError}: {item.lastError}
                </p>
              )}
              {(item.status === "FAILED" || item.status === "LOGGED") && (
                <div className="mt-2">
                  <ResendButton notificationId={item.id} grievanceId={grievanceId} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
