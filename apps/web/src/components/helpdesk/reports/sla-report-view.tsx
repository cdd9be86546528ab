"use client";

import { useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Card,
  EmptyState,
  SelectField,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  Th,
} from "@sunuwai/ui";
import { SlaChart } from "@sunuwai/ui/charts";
import type { Role, SlaReport } from "@sunuwai/validators";
import { QueryStatus } from "~/components/query-status";
import type { HelpdeskMessages } from "~/messages/helpdesk.en";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";

const PERIODS = ["all", "30d", "90d", "year"] as const;
type Period = (typeof PERIODS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The report's `from` for a period, at the start of today's UTC day so the query key stays stable. */
function periodStart(period: Period, today: Date): Date | undefined {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (period === "30d") return new Date(midnight - 30 * DAY_MS);
  if (period === "90d") return new Date(midnight - 90 * DAY_MS);
  if (period === "year") return new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
  return undefined;
}

type Row = SlaReport["byOfficer"][number] | SlaReport["byWard"][number];

function median(hours: number | null, t: HelpdeskMessages): string {
  if (hours === null) return t.reports.noneResolved;
  if (hours < 1) return t.reports.underAnHour;
  return hours < 48 ? t.reports.hours(hours) : t.reports.days(Math.round((hours / 24) * 10) / 10);
}

function Figures({ row, t }: { row: Row; t: HelpdeskMessages }) {
  return (
    <>
      <Td className="text-right tabular-nums">{row.open}</Td>
      <Td
        className={
          row.overdueOpen > 0
            ? "text-right font-semibold text-red-700 tabular-nums"
            : "text-right tabular-nums"
        }
      >
        {row.overdueOpen}
      </Td>
      <Td className="text-right tabular-nums">{row.resolved}</Td>
      <Td className="text-right tabular-nums">
        {row.percentWithinSla === null ? (
          <span title={t.reports.noneResolvedHelp}>{t.reports.noneResolved}</span>
        ) : (
          `${row.percentWithinSla}%`
        )}
      </Td>
      <Td className="text-right tabular-nums">{median(row.medianHoursToResolve, t)}</Td>
    </>
  );
}

function FigureHeads({ t }: { t: HelpdeskMessages }) {
  return (
    <>
      <Th className="text-right">{t.reports.open}</Th>
      <Th className="text-right">{t.reports.overdue}</Th>
      <Th className="text-right">{t.reports.resolved}</Th>
      <Th className="text-right">{t.reports.withinSla}</Th>
      <Th className="text-right">{t.reports.median}</Th>
    </>
  );
}

const chartRow = (label: string, row: Row) => ({
  label,
  resolvedWithinSla: row.resolvedWithinSla,
  resolvedLate: row.resolved - row.resolvedWithinSla,
  openOnTime: row.open - row.overdueOpen,
  openOverdue: row.overdueOpen,
});

/** Per officer and per ward: open, overdue, resolved, % within SLA and median time to resolve, with a chart. */
/** One breakdown of the report (per officer or per ward): a chart when there is more than one row, and the table. */
function BreakdownCard({
  t,
  title,
  column,
  chartLabel,
  testId,
  rows,
}: {
  t: HelpdeskMessages;
  title: string;
  column: string;
  chartLabel: string;
  testId: string;
  rows: { key: string; name: string; chartName: string; row: Row }[];
}) {
  return (
    <Card title={title}>
      <div className="grid gap-4">
        {rows.length > 1 && (
          <SlaChart
            label={chartLabel}
            seriesLabels={t.reports.series}
            data={rows.map((entry) => chartRow(entry.chartName, entry.row))}
            testId={testId}
          />
        )}
        <Table caption={title}>
          <TableHead>
            <Th>{column}</Th>
            <FigureHeads t={t} />
          </TableHead>
          <TableBody>
            {rows.map((entry) => (
              <TableRow key={entry.key}>
                <Td className="font-medium">{entry.name}</Td>
                <Figures row={entry.row} t={t} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}

export function SlaReportView({ viewer }: { viewer: { id: string; role: Role } }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const [period, setPeriod] = useState<Period>("all");
  const from = useMemo(() => periodStart(period, new Date()), [period]);
  const report = useQuery({
    ...trpc.helpdesk.slaReport.queryOptions(from ? { from } : {}),
    placeholderData: keepPreviousData,
  });
  // Officers compare themselves with their own wards, not with colleagues who share a ward now and then.
  const officerOnly = viewer.role === "OFFICER";
  const byOfficer = (report.data?.byOfficer ?? []).filter(
    (row) => !officerOnly || row.officer?.id === viewer.id,
  );
  const byWard = report.data?.byWard ?? [];
  const officerName = (row: SlaReport["byOfficer"][number]) => row.officer?.name ?? t.unassigned;
  const wardName = (row: SlaReport["byWard"][number]) =>
    row.ward ? `${row.ward.code} · ${row.ward.name}` : t.noWard;

  return (
    <div className="grid grid-cols-1 gap-6">
      <SelectField
        label={t.reports.period}
        value={period}
        onChange={(event) => setPeriod(event.target.value as Period)}
        className="max-w-xs"
      >
        {PERIODS.map((option) => (
          <option key={option} value={option}>
            {t.reports.periods[option]}
          </option>
        ))}
      </SelectField>
      {!report.data ? (
        <QueryStatus isPending={report.isPending} isError={report.isError} what={t.reports.title} />
      ) : byOfficer.length === 0 && byWard.length === 0 ? (
        <EmptyState title={t.reports.empty}>{t.reports.emptyHelp}</EmptyState>
      ) : (
        <>
          <BreakdownCard
            t={t}
            title={t.reports.byOfficer}
            column={t.reports.officer}
            chartLabel={t.reports.chartOfficers}
            testId="sla-chart-officers"
            rows={byOfficer.map((row) => ({
              key: row.officer?.id ?? "unassigned",
              name: officerName(row),
              chartName: officerName(row),
              row,
            }))}
          />
          <BreakdownCard
            t={t}
            title={t.reports.byWard}
            column={t.reports.ward}
            chartLabel={t.reports.chartWards}
            testId="sla-chart-wards"
            rows={byWard.map((row) => ({
              key: row.ward?.id ?? "none",
              name: wardName(row),
              chartName: row.ward?.code ?? t.noWard,
              row,
            }))}
          />
        </>
      )}
    </div>
  );
}
