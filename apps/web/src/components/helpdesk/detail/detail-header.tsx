"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@sunuwai/ui";
import { OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { GrievanceDetail, GrievanceStatusValue } from "@sunuwai/validators";
import { ClassificationBadge, PriorityBadge, SensitiveBadge, StatusBadge } from "../labels";
import { useHelpdeskText } from "../language-provider";
import { SlaIndicator } from "../sla-indicator";
import { formatAbsolute } from "../time";
import { AbsoluteAndRelativeTime } from "../time-text";

const OPEN: readonly GrievanceStatusValue[] = OPEN_GRIEVANCE_STATUSES;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Reference, status and the SLA clock first: what an officer needs to know before reading on. */
export function DetailHeader({ grievance, live }: { grievance: GrievanceDetail; live: ReactNode }) {
  const { t, language } = useHelpdeskText();
  const levelName = t.sla.levelNames[grievance.escalationLevel] ?? "";
  const clockRuns = OPEN.includes(grievance.status);
  return (
    <header className="grid gap-4">
      <Link
        href="/helpdesk"
        prefetch={false}
        className="w-fit text-sm font-medium text-indigo-700 hover:underline"
      >
        <span aria-hidden="true">← </span>
        {t.detail.back}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold tracking-tight text-slate-900">
          {grievance.reference}
        </h1>
        <span data-testid="grievance-status">
          <StatusBadge status={grievance.status} />
        </span>
        <PriorityBadge priority={grievance.priority} />
        {grievance.sensitive && <SensitiveBadge />}
        <span className="ml-auto">{live}</span>
      </div>
      {grievance.sensitive && <Alert tone="error">{t.detail.sensitiveNote}</Alert>}
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label={t.detail.due}>
          <SlaIndicator status={grievance.status} slaDueAt={grievance.slaDueAt} />
          {grievance.slaDueAt && clockRuns && (
            <span className="block text-xs text-slate-500" suppressHydrationWarning>
              {formatAbsolute(grievance.slaDueAt, language)}
            </span>
          )}
        </Fact>
        <Fact label={t.detail.escalation}>
          {t.sla.levelTitle(grievance.escalationLevel, levelName)}
        </Fact>
        <Fact label={t.detail.ward}>
          {grievance.ward ? (
            <>
              <span className="font-mono text-xs">{grievance.ward.code}</span>{" "}
              <span className="block">{grievance.ward.name}</span>
            </>
          ) : (
            t.noWard
          )}
        </Fact>
        <Fact label={t.detail.assignee}>
          {grievance.assignee?.name ?? (
            <span className="text-slate-500 italic">{t.unassigned}</span>
          )}
        </Fact>
        <Fact label={t.detail.classificationLabel}>
          <ClassificationBadge status={grievance.classificationStatus} />
        </Fact>
        <Fact label={t.detail.filed}>
          <AbsoluteAndRelativeTime value={grievance.createdAt} />
        </Fact>
      </dl>
    </header>
  );
}
