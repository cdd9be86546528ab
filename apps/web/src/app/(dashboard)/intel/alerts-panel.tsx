"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, EmptyState } from "@sunuwai/ui";
import type { BadgeTone } from "@sunuwai/ui";
import type { RouterOutputs } from "@sunuwai/api";
import { QueryStatus } from "~/components/query-status";
import { userFacingError } from "~/lib/user-facing-error";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";
import { EvidenceList } from "./evidence-list";
import { formatDateTime } from "./format";

const t = en.intel.alerts;
const SEVERITY_TONE: Record<IntelAlert["severity"], BadgeTone> = {
  HIGH: "danger",
  MEDIUM: "warning",
  LOW: "neutral",
};

type IntelAlert = RouterOutputs["intel"]["alerts"]["list"]["items"][number];

function AlertItem({ alert, showWard }: { alert: IntelAlert; showWard: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const acknowledge = useMutation(
    trpc.intel.alerts.acknowledge.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.intel.alerts.list.pathKey() }),
    }),
  );
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={SEVERITY_TONE[alert.severity]}>{t.severity[alert.severity]}</Badge>
        <span className="text-sm font-medium text-slate-700">{t.kind[alert.kind]}</span>
        {showWard && alert.wardCode && (
          <Link
            href={`/intel/${encodeURIComponent(alert.wardCode)}`}
            className="font-mono text-xs text-indigo-700 underline-offset-2 hover:underline"
          >
            {alert.wardCode}
          </Link>
        )}
        <span className="ml-auto text-xs text-slate-500">{formatDateTime(alert.createdAt)}</span>
      </div>
      <p className="mt-1 text-slate-900">{alert.reason}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.hideEvidence : t.evidence(alert.evidencePostIds.length)}
        </Button>
        {alert.acknowledgedAt ? (
          <span className="text-xs text-slate-600">
            {t.acknowledged(formatDateTime(alert.acknowledgedAt))}
          </span>
        ) : (
          <Button
            size="sm"
            pending={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ alertId: alert.id })}
          >
            {acknowledge.isPending ? t.acknowledging : t.acknowledge}
          </Button>
        )}
      </div>
      {acknowledge.isError && (
        <Alert tone="error" className="mt-2">
          {userFacingError(acknowledge.error)}
        </Alert>
      )}
      {open && (
        <div className="mt-3">
          <EvidenceList
            postIds={alert.evidencePostIds}
            label={`${t.evidence(alert.evidencePostIds.length)}: ${alert.reason}`}
          />
        </div>
      )}
    </li>
  );
}

/** Alerts newest first, for one ward or all; each with severity, reason, evidence and acknowledgement. */
export function AlertsPanel({ wardCode }: { wardCode?: string }) {
  const trpc = useTRPC();
  const [unacknowledgedOnly, setUnacknowledgedOnly] = useState(false);
  const alerts = useQuery(
    trpc.intel.alerts.list.queryOptions({ wardCode, unacknowledgedOnly, limit: 20 }),
  );
  return (
    <div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={unacknowledgedOnly}
          onChange={(event) => setUnacknowledgedOnly(event.target.checked)}
        />
        {t.unacknowledgedOnly}
      </label>
      {!alerts.data ? (
        <div className="mt-3">
          <QueryStatus isPending={alerts.isPending} isError={alerts.isError} what={t.title} />
        </div>
      ) : alerts.data.items.length === 0 ? (
        <EmptyState title={wardCode ? t.empty : t.emptyAll} className="mt-3">
          {t.emptyHelp}
        </EmptyState>
      ) : (
        <ul aria-label={t.title} className="divide-y divide-slate-100">
          {alerts.data.items.map((alert) => (
            <AlertItem key={alert.id} alert={alert} showWard={!wardCode} />
          ))}
        </ul>
      )}
    </div>
  );
}
