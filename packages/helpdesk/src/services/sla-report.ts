import type { Db } from "@sunuwai/db";
import { OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { SlaReport, SlaReportInput } from "@sunuwai/validators";
import type { StaffActor } from "../access/actor";
import { visibleGrievanceSql } from "../access/visibility";

interface ReportRow {
  by_ward: number;
  assigneeId: string | null;
  wardId: string | null;
  total: number;
  open: number;
  overdue_open: number;
  resolved: number;
  within_sla: number;
  median_hours: number | null;
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function figures(row: ReportRow) {
  return {
    total: row.total,
    open: row.open,
    overdueOpen: row.overdue_open,
    resolved: row.resolved,
    resolvedWithinSla: row.within_sla,
    percentWithinSla: row.resolved > 0 ? round((100 * row.within_sla) / row.resolved, 1) : null,
    medianHoursToResolve: row.median_hours === null ? null : round(row.median_hours, 1),
  };
}

/**
 * SLA performance per officer (current assignee) and per ward over grievances created in [from, to), limited to
 * what the actor may see. A grievance is resolved "within SLA" when it was resolved (or denied) by the due time in
 * force and the SLA task never had to escalate it; time to resolve is from filing to the latest resolution.
 */
export async function slaReport(
  db: Db,
  actor: StaffActor,
  input: SlaReportInput = {},
  options: { now?: Date } = {},
): Promise<SlaReport> {
  const now = options.now ?? new Date();
  const open: string[] = [...OPEN_GRIEVANCE_STATUSES];
  const rows = await db.$queryRaw<ReportRow[]>`
    WITH scoped AS (
      SELECT g."assigneeId", g."wardId", g."status"::text AS status, g."slaDueAt", g."resolvedAt", g."createdAt",
        (g."resolvedAt" IS NOT NULL
          AND (g."slaDueAt" IS NULL OR g."resolvedAt" <= g."slaDueAt")
          AND NOT EXISTS (SELECT 1 FROM "GrievanceEvent" e
                          WHERE e."grievanceId" = g."id" AND e."type" = 'ESCALATED' AND e."payload"->>'trigger' = 'sla')) AS within_sla
      FROM "Grievance" g
      WHERE ${visibleGrievanceSql(actor, "g")}
        AND g."createdAt" >= ${input.from ?? new Date(0)}
        AND g."createdAt" < ${input.to ?? new Date(8.64e15)}
    )
    SELECT "assigneeId"::text AS "assigneeId", "wardId"::text AS "wardId",
      count(*)::int AS total,
      count(*) FILTER (WHERE status = ANY(${open}::text[]))::int AS open,
      count(*) FILTER (WHERE status = ANY(${open}::text[]) AND "slaDueAt" <= ${now})::int AS overdue_open,
      count(*) FILTER (WHERE "resolvedAt" IS NOT NULL)::int AS resolved,
      count(*) FILTER (WHERE within_sla)::int AS within_sla,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "resolvedAt" - "createdAt") / 3600.0)
        FILTER (WHERE "resolvedAt" IS NOT NULL))::float8 AS median_hours,
      -- 1 on the rows of the ward grouping set
      GROUPING("assigneeId")::int AS by_ward
    FROM scoped
    GROUP BY GROUPING SETS (("assigneeId"), ("wardId"))
    ORDER BY total DESC`;
  const userIds = rows.flatMap((row) =>
    row.by_ward === 0 && row.assigneeId ? [row.assigneeId] : [],
  );
  const wardIds = rows.flatMap((row) => (row.by_ward === 1 && row.wardId ? [row.wardId] : []));
  const [users, wards] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.ward.findMany({
      where: { id: { in: wardIds } },
      select: { id: true, code: true, name: true },
    }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const wardById = new Map(wards.map((ward) => [ward.id, ward]));
  return {
    byOfficer: rows
      .filter((row) => row.by_ward === 0)
      .map((row) => ({
        officer: row.assigneeId ? (userById.get(row.assigneeId) ?? null) : null,
        ...figures(row),
      })),
    byWard: rows
      .filter((row) => row.by_ward === 1)
      .map((row) => ({
        ward: row.wardId ? (wardById.get(row.wardId) ?? null) : null,
        ...figures(row),
      })),
  };
}
