"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BadgeTone } from "@sunuwai/ui";
import { Badge, Button, Card, EmptyState, Table, TableBody, TableHead, TableRow, Td, Th, useToast } from "@sunuwai/ui";
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

function ResendButton({ notificationId, grievanceId }: { notificationId: string; grievanceId: string }) {
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

/** Every message to the complainant with its delivery state; failed ones can be sent again. */
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
        <EmptyState title={t.notifications.empty}>{t.notifications.emptyHelp}</EmptyState>
      ) : (
        <div className="grid gap-3">
          <Table caption={t.notifications.caption}>
            <TableHead>
              <Th>{t.notifications.channel}</Th>
              <Th>{t.notifications.template}</Th>
              <Th>{t.notifications.status}</Th>
              <Th>{t.notifications.attempts}</Th>
              <Th>{t.notifications.when}</Th>
              <Th>
                <span className="sr-only">{t.notifications.resend}</span>
              </Th>
            </TableHead>
            <TableBody>
              {list.map((item) => (
                <TableRow key={item.id}>
                  <Td>{t.notifications.channels[item.channel] ?? item.channel}</Td>
                  <Td>
                    {t.notifications.templates[item.template] ?? item.template}
                    <span className="ml-1 text-xs text-slate-500">({item.language})</span>
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONES[item.status]}>{t.notifications.statuses[item.status]}</Badge>
                    {item.status === "LOGGED" && (
                      <p className="mt-1 max-w-xs text-xs text-slate-600">{t.notifications.loggedHelp}</p>
                    )}
                    {item.status === "QUEUED" && (
                      <p className="mt-1 max-w-xs text-xs text-slate-600">{t.notifications.queuedHelp}</p>
                    )}
                    {item.lastError && (
                      <p className="mt-1 max-w-xs text-xs break-words text-red-700">
                        {t.notifications.lastError}: {item.lastError}
                      </p>
                    )}
                  </Td>
                  <Td className="tabular-nums">{item.attempts}</Td>
                  <Td className="text-xs whitespace-nowrap text-slate-600">
                    <RelativeTime value={item.sentAt ?? item.updatedAt} />
                  </Td>
                  <Td>
                    {(item.status === "FAILED" || item.status === "LOGGED") && (
                      <ResendButton notificationId={item.id} grievanceId={grievanceId} />
                    )}
                  </Td>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
