import type { Db, Prisma } from "@sunuwai/db";
import {
  GRIEVANCE_STATUSES,
  OPEN_GRIEVANCE_STATUSES,
  queueFiltersSchema,
} from "@sunuwai/validators";
import type { QueueCounts, QueueFilters, QueueItem, QueuePage } from "@sunuwai/validators";
import type { StaffActor } from "../access/actor";
import { visibleGrievanceWhere } from "../access/visibility";
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

/** The filters as a Prisma condition, always combined with what the actor may see. */
function queueWhere(
  actor: StaffActor,
  filters: ReturnType<typeof queueFiltersSchema.parse>,
  now: Date,
): Prisma.GrievanceWhereInput {
  const and: Prisma.GrievanceWhereInput[] = [visibleGrievanceWhere(actor)];
  if (filters.status?.length) and.push({ status: { in: filters.status } });
  if (filters.wardId) and.push({ wardId: filters.wardId });
  if (filters.category) and.push({ categories: { has: filters.category } });
  if (filters.assignee === "me") and.push({ assigneeId: actor.userId });
  else if (filters.assignee === "unassigned") and.push({ assigneeId: null });
  else if (filters.assignee) and.push({ assigneeId: filters.assignee });
  if (filters.overdue === true) and.push(overdueWhere(now));
  if (filters.overdue === false) {
    and.push({
      OR: [
        { status: { notIn: [...OPEN_GRIEVANCE_STATUSES] } },
        { slaDueAt: null },
        { slaDueAt: { gt: now } },
      ],
    });
  }
  if (filters.text) {
    const text = filters.text;
    and.push({
      OR: [
        { reference: { equals: text.toUpperCase() } },
        { description: { contains: text, mode: "insensitive" } },
        { summary: { contains: text, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

const ORDER: Record<
  "newest" | "oldest" | "dueSoonest",
  Prisma.GrievanceOrderByWithRelationInput[]
> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  dueSoonest: [{ slaDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
};

/** Below this many matches a page is ordered in memory (see `listQueue`). */
const SMALL_MATCH = 2_000;

type SortKey = { id: string; createdAt: Date; slaDueAt: Date | null };

function compareKeys(sort: keyof typeof ORDER): (a: SortKey, b: SortKey) => number {
  const byId = (a: SortKey, b: SortKey) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === "newest")
    return (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(b, a);
  if (sort === "oldest")
    return (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byId(a, b);
  return (a, b) =>
    (a.slaDueAt?.getTime() ?? Infinity) - (b.slaDueAt?.getTime() ?? Infinity) || byId(a, b);
}

/**
 * One page of the grievances the actor may see, filtered; `total` counts only those too. When few rows match
 * (a narrow text search), walking the ordered index until a page is full could read the whole table, so the
 * matches are found through the filters' indexes and ordered in memory instead.
 */
export async function listQueue(
  db: Db,
  actor: StaffActor,
  rawFilters: QueueFilters = {},
  options: { now?: Date } = {},
): Promise<QueuePage> {
  const now = options.now ?? new Date();
  const filters = queueFiltersSchema.parse(rawFilters);
  const where = queueWhere(actor, filters, now);
  const skip = (filters.page - 1) * filters.pageSize;
  const total = await db.grievance.count({ where });
  let rows: QueueRow[];
  if (total === 0 || skip >= total) {
    rows = [];
  } else if (total <= SMALL_MATCH) {
    const keys = await db.grievance.findMany({
      where,
      select: { id: true, createdAt: true, slaDueAt: true },
    });
    const pageIds = keys
      .sort(compareKeys(filters.sort))
      .slice(skip, skip + filters.pageSize)
      .map((key) => key.id);
    const byId = new Map(
      (
        await db.grievance.findMany({ where: { id: { in: pageIds } }, select: QUEUE_ITEM_SELECT })
      ).map((row) => [row.id, row]),
    );
    rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    rows = await db.grievance.findMany({
      where,
      select: QUEUE_ITEM_SELECT,
      orderBy: ORDER[filters.sort],
      skip,
      take: filters.pageSize,
    });
  }
  return {
    items: rows.map((row) => toQueueItem(row, now)),
    total,
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
