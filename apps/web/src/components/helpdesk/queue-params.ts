// The queue's filters live in the URL (shareable, survive reloads, back/forward work): parse and write them.
import { GRIEVANCE_STATUSES, OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { GrievanceStatusValue } from "@sunuwai/validators";

export const QUEUE_SORTS = ["newest", "oldest", "dueSoonest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** "open" is shorthand for every status whose SLA clock runs. */
export type StatusFilter = GrievanceStatusValue | "open" | null;

export interface QueueSearch {
  status: StatusFilter;
  wardId: string | null;
  category: string | null;
  assignee: string | null;
  overdue: boolean;
  text: string | null;
  page: number;
  sort: QueueSort;
}

export const EMPTY_QUEUE_SEARCH: QueueSearch = {
  status: null,
  wardId: null,
  category: null,
  assignee: null,
  overdue: false,
  text: null,
  page: 1,
  sort: "newest",
};

export const QUEUE_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseStatus(value: string | null): StatusFilter {
  if (value === "open") return "open";
  return (GRIEVANCE_STATUSES as readonly string[]).includes(value ?? "")
    ? (value as GrievanceStatusValue)
    : null;
}

function parseAssignee(value: string | null): string | null {
  if (value === "me" || value === "unassigned") return value;
  return value && UUID.test(value) ? value : null;
}

/** Whatever is in the address bar becomes valid filters; anything unusable is dropped rather than refused. */
export function parseQueueSearch(params: URLSearchParams): QueueSearch {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  const sort = params.get("sort");
  const text = params.get("q")?.trim().slice(0, 200);
  const wardId = params.get("ward");
  const category = params.get("category")?.trim().slice(0, 80);
  return {
    status: parseStatus(params.get("status")),
    wardId: wardId && UUID.test(wardId) ? wardId : null,
    category: category || null,
    assignee: parseAssignee(params.get("assignee")),
    overdue: params.get("overdue") === "1",
    text: text || null,
    page: Number.isFinite(page) && page > 1 ? page : 1,
    sort: (QUEUE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as QueueSort) : "newest",
  };
}

/** The query string for `search`, leaving out defaults so a plain queue has a plain URL. */
export function queueSearchString(search: QueueSearch): string {
  const params = new URLSearchParams();
  if (search.status) params.set("status", search.status);
  if (search.wardId) params.set("ward", search.wardId);
  if (search.category) params.set("category", search.category);
  if (search.assignee) params.set("assignee", search.assignee);
  if (search.overdue) params.set("overdue", "1");
  if (search.text) params.set("q", search.text);
  if (search.sort !== "newest") params.set("sort", search.sort);
  if (search.page > 1) params.set("page", String(search.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** True when anything narrows the list (the page and the order do not). */
export function isFiltered(search: QueueSearch): boolean {
  return Boolean(
    search.status ??
    search.wardId ??
    search.category ??
    search.assignee ??
    search.text ??
    (search.overdue || null),
  );
}

/** The `grievance.queue` input for these filters. */
export function queueInput(search: QueueSearch) {
  return {
    ...(search.status === "open"
      ? { status: [...OPEN_GRIEVANCE_STATUSES] }
      : search.status
        ? { status: [search.status] }
        : {}),
    ...(search.wardId ? { wardId: search.wardId } : {}),
    ...(search.category ? { category: search.category } : {}),
    ...(search.assignee ? { assignee: search.assignee } : {}),
    ...(search.overdue ? { overdue: true } : {}),
    ...(search.text ? { text: search.text } : {}),
    page: search.page,
    pageSize: QUEUE_PAGE_SIZE,
    sort: search.sort,
  };
}
