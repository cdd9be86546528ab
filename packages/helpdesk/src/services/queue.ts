import { Prisma } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import {
  GRIEVANCE_STATUSES,
  OPEN_GRIEVANCE_STATUSES,
  queueFiltersSchema,
} from "@sunuwai/validators";
import type { QueueCounts, QueueFilters, QueueItem, QueuePage } from "@sunuwai/validators";
import type { StaffActor } from "../access/actor";
import { visibleGrievanceSql, visibleGrievanceWhere } from "../access/visibility";
import { isOpenStatus } from "../workflow/status";

const EXCERPT_CHARS = 200;

export const QUEUE_ITEM_SELECT = {
  id: true,
  reference: true,
  status: true,
  priority: true,
  classificationStatus: true,
  categories: true,
  sensitive: true,
  summary: true,
  description: true,
  language: true,
  escalationLevel: true,
  slaDueAt: true,
  createdAt: true,
  updatedAt: true,
  ward: { select: { id: true, code: true, name: true } },
  assignee: { select: { id: true, name: true } },
} as const satisfies Prisma.GrievanceSelect;

type QueueRow = Prisma.GrievanceGetPayload<{ select: typeof QUEUE_ITEM_SELECT }>;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1)}…`;
}

export function isOverdue(
  grievance: { status: QueueRow["status"]; slaDueAt: Date | null },
  now: Date,
): boolean {
  return (
    isOpenStatus(grievance.status) &&
    grievance.slaDueAt !== null &&
    grievance.slaDueAt.getTime() <= now.getTime()
  );
}

export function toQueueItem(row: QueueRow, now: Date): QueueItem {
  const { summary, description, ...rest } = row;
  return { ...rest, excerpt: excerpt(summary ?? description), overdue: isOverdue(row, now) };
}

function overdueWhere(now: Date): Prisma.GrievanceWhereInput {
  return { status: { in: [...OPEN_GRIEVANCE_STATUSES] }, slaDueAt: { lte: now } };
}

type ParsedFilters = ReturnType<typeof queueFiltersSchema.parse>;

const OPEN_STATUSES_SQL = Prisma.sql`${[...OPEN_GRIEVANCE_STATUSES]}::"GrievanceStatus"[]`;

/** `text` as a LIKE pattern matching it anywhere: its own `%`, `_` and `\` match literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The filters as SQL over `"Grievance" g`, always combined with what the actor may see. Raw SQL rather than a
 * Prisma filter so that the capped count carries no ORDER BY and the page joins ward and assignee in one query.
 */
function queueConditionSql(actor: StaffActor, filters: ParsedFilters, now: Date): Prisma.Sql {
  const and: Prisma.Sql[] = [visibleGrievanceSql(actor, "g")];
  if (filters.status?.length)
    and.push(Prisma.sql`g."status" = ANY(${filters.status}::"GrievanceStatus"[])`);
  if (filters.wardId) and.push(Prisma.sql`g."wardId" = ${filters.wardId}::uuid`);
  if (filters.category) and.push(Prisma.sql`g."categories" @> ARRAY[${filters.category}]::text[]`);
  if (filters.assignee === "me") and.push(Prisma.sql`g."assigneeId" = ${actor.userId}::uuid`);
  else if (filters.assignee === "unassigned") and.push(Prisma.sql`g."assigneeId" IS NULL`);
  else if (filters.assignee) and.push(Prisma.sql`g."assigneeId" = ${filters.assignee}::uuid`);
  if (filters.overdue === true)
    and.push(
      Prisma.sql`g."status" = ANY(${OPEN_STATUSES_SQL}) AND g."slaDueAt" <= ${now}::timestamptz`,
    );
  if (filters.overdue === false) {
    and.push(Prisma.sql`(g."status" <> ALL(${OPEN_STATUSES_SQL}) OR g."slaDueAt" IS NULL
      OR g."slaDueAt" > ${now}::timestamptz)`);
  }
  if (filters.text) {
    const pattern = containsPattern(filters.text);
    and.push(Prisma.sql`(g."reference" = ${filters.text.toUpperCase()}
      OR g."description" ILIKE ${pattern} OR g."summary" ILIKE ${pattern})`);
  }
  return Prisma.join(and, " AND ");
}

const ORDER_SQL: Record<ParsedFilters["sort"], Prisma.Sql> = {
  newest: Prisma.sql`g."createdAt" DESC, g."id" DESC`,
  oldest: Prisma.sql`g."createdAt" ASC, g."id" ASC`,
  dueSoonest: Prisma.sql`g."slaDueAt" ASC NULLS LAST, g."id" ASC`,
};

/**
 * Matches are counted exactly up to this many (or to the end of the requested page, if further). An exact count
 * of everything an officer may see reads tens of thousands of rows on every page view; a capped one stops early.
 * At or below it the matches are also ordered after they are found (see `listQueue`).
 */
export const QUEUE_COUNT_CAP = 500;

interface QueueSqlRow {
  id: string;
  reference: string;
  status: QueueRow["status"];
  priority: QueueRow["priority"];
  classificationStatus: QueueRow["classificationStatus"];
  categories: string[];
  sensitive: boolean;
  summary: string | null;
  description: string;
  language: string;
  escalationLevel: number;
  slaDueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  wardId: string | null;
  wardCode: string | null;
  wardName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

function fromSqlRow(row: QueueSqlRow): QueueRow {
  const { wardId, wardCode, wardName, assigneeId, assigneeName, ...grievance } = row;
  return {
    ...grievance,
    ward:
      wardId && wardCode !== null && wardName !== null
        ? { id: wardId, code: wardCode, name: wardName }
        : null,
    assignee: assigneeId && assigneeName !== null ? { id: assigneeId, name: assigneeName } : null,
  };
}

/**
 * One page of the grievances the actor may see, filtered. `total` counts only those too, exactly up to
 * `QUEUE_COUNT_CAP` matches (or the end of this page); beyond that `totalExact` is false and more than `total`
 * match. When few rows match (a narrow text search), walking the ordered index until a page is full could read
 * the whole table, so the matches are first found through the filters' indexes (a materialised CTE) and then
 * ordered.
 */
export async function listQueue(
  db: Db,
  actor: StaffActor,
  rawFilters: QueueFilters = {},
  options: { now?: Date } = {},
): Promise<QueuePage> {
  const now = options.now ?? new Date();
  const filters = queueFiltersSchema.parse(rawFilters);
  const condition = queueConditionSql(actor, filters, now);
  const skip = (filters.page - 1) * filters.pageSize;
  const countLimit = Math.max(QUEUE_COUNT_CAP, skip + filters.pageSize);
  // One row past the limit tells "exactly countLimit" from "more than countLimit".
  const [{ counted } = { counted: 0 }] = await db.$queryRaw<{ counted: number }[]>`
    SELECT count(*)::int AS counted FROM (SELECT 1 FROM "Grievance" g WHERE ${condition} LIMIT ${countLimit + 1}) AS m`;
  const totalExact = counted <= countLimit;
  const total = Math.min(counted, countLimit);
  let rows: QueueRow[] = [];
  if (total > 0 && skip < total) {
    const few = totalExact && total <= QUEUE_COUNT_CAP;
    const found = await db.$queryRaw<QueueSqlRow[]>`
      WITH g AS ${few ? Prisma.sql`MATERIALIZED` : Prisma.empty} (
        SELECT g."id", g."reference", g."status"::text AS "status", g."priority"::text AS "priority",
          g."classificationStatus"::text AS "classificationStatus", g."categories", g."sensitive", g."summary",
          g."description", g."language", g."escalationLevel", g."slaDueAt", g."createdAt", g."updatedAt",
          g."wardId", g."assigneeId"
        FROM "Grievance" g WHERE ${condition}
      )
      SELECT g."id"::text AS "id", g."reference", g."status", g."priority", g."classificationStatus", g."categories",
        g."sensitive", g."summary", g."description", g."language", g."escalationLevel", g."slaDueAt", g."createdAt",
        g."updatedAt", g."wardId"::text AS "wardId", w."code" AS "wardCode", w."name" AS "wardName",
        g."assigneeId"::text AS "assigneeId", u."name" AS "assigneeName"
      FROM g LEFT JOIN "Ward" w ON w."id" = g."wardId" LEFT JOIN "User" u ON u."id" = g."assigneeId"
      ORDER BY ${ORDER_SQL[filters.sort]} OFFSET ${skip} LIMIT ${filters.pageSize}`;
    rows = found.map(fromSqlRow);
  }
  return {
    items: rows.map((row) => toQueueItem(row, now)),
    total,
    totalExact,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** Counts for the dashboard's badges, over exactly what the actor may see (sensitive cases of others excluded). */
export async function countQueue(
  db: Db,
  actor: StaffActor,
  options: { now?: Date } = {},
): Promise<QueueCounts> {
  const now = options.now ?? new Date();
  const visible = visibleGrievanceWhere(actor);
  const [groups, overdue, unassigned] = await Promise.all([
    db.grievance.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    db.grievance.count({ where: { AND: [visible, overdueWhere(now)] } }),
    db.grievance.count({
      where: { AND: [visible, { assigneeId: null, status: { in: [...OPEN_GRIEVANCE_STATUSES] } }] },
    }),
  ]);
  const byStatus = Object.fromEntries(
    GRIEVANCE_STATUSES.map((status) => [status, 0]),
  ) as QueueCounts["byStatus"];
  for (const group of groups) byStatus[group.status] = group._count._all;
  const open = OPEN_GRIEVANCE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  return { byStatus, open, overdue, unassigned };
}
