import type { Db, Prisma } from "@sunuwai/db";
import { GRIEVANCE_STATUSES, OPEN_GRIEVANCE_STATUSES, queueFiltersSchema } from "@sunuwai/validators";
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

export function isOverdue(grievance: { status: QueueRow["status"]; slaDueAt: Date | null }, now: Date): boolean {
  return isOpenStatus(grievance.status) && grievance.slaDueAt !== null && grievance.slaDueAt.getTime() <= now.getTime();
}

export function toQueueItem(row: QueueRow, now: Date): QueueItem {
  const { summary, description, ...rest } = row;
  return { ...rest, excerpt: excerpt(summary ?? description), overdue: isOverdue(row, now) };
}

function overdueWhere(now: Date): Prisma.GrievanceWhereInput {
  return { status: { in: [...OPEN_GRIEVANCE_STATUSES] }, slaDueAt: { lte: now } };
}

/** The filters as a Prisma condition, always combined with what the actor may see. */
function queueWhere(actor: StaffActor, filters: ReturnType<typeof queueFiltersSchema.parse>, now: Date): Prisma.GrievanceWhereInput {
  const and: Prisma.GrievanceWhereInput[] = [visibleGrievanceWhere(actor)];
  if (filters.status?.length) and.push({ status: { in: filters.status } });
  if (filters.wardId) and.push({ wardId: filters.wardId });
  if (filters.category) and.push({ categories: { has: filters.category } });
  if (filters.assignee === "me") and.push({ assigneeId: actor.userId });
  else if (filters.assignee === "unassigned") and.push({ assigneeId: null });
  else if (filters.assignee) and.push({ assigneeId: filters.assignee });
  if (filters.overdue === true) and.push(overdueWhere(now));
  if (filters.overdue === false) {
    and.push({ OR: [{ status: { notIn: [...OPEN_GRIEVANCE_STATUSES] } }, { slaDueAt: null }, { slaDueAt: { gt: now } }] });
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

const ORDER: Record<"newest" | "oldest" | "dueSoonest", Prisma.GrievanceOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  dueSoonest: [{ slaDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
};

/** One page of the grievances the actor may see, filtered; `total` counts only those too. */
export async function listQueue(db: Db, actor: StaffActor, rawFilters: QueueFilters = {}, options: { now?: Date } = {}): Promise<QueuePage> {
  const now = options.now ?? new Date();
  const filters = queueFiltersSchema.parse(rawFilters);
  const where = queueWhere(actor, filters, now);
  const [rows, total] = await Promise.all([
    db.grievance.findMany({
      where,
      select: QUEUE_ITEM_SELECT,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
    }),
    db.grievance.count({ where }),
  ]);
  return { items: rows.map((row) => toQueueItem(row, now)), total, page: filters.page, pageSize: filters.pageSize };
}

/** Counts for the dashboard's badges, over exactly what the actor may see (sensitive cases of others excluded). */
export async function countQueue(db: Db, actor: StaffActor, options: { now?: Date } = {}): Promise<QueueCounts> {
  const now = options.now ?? new Date();
  const visible = visibleGrievanceWhere(actor);
  const [groups, overdue, unassigned] = await Promise.all([
    db.grievance.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    db.grievance.count({ where: { AND: [visible, overdueWhere(now)] } }),
    db.grievance.count({ where: { AND: [visible, { assigneeId: null, status: { in: [...OPEN_GRIEVANCE_STATUSES] } }] } }),
  ]);
  const byStatus = Object.fromEntries(GRIEVANCE_STATUSES.map((status) => [status, 0])) as QueueCounts["byStatus"];
  for (const group of groups) byStatus[group.status] = group._count._all;
  const open = OPEN_GRIEVANCE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  return { byStatus, open, overdue, unassigned };
}
