"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, EmptyState, Pagination, Spinner } from "@sunuwai/ui";
import type { LiveUpdate, QueueCounts, QueueItem, QueuePage, Role } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { LiveIndicator, useGrievanceUpdates } from "../live";
import {
  EMPTY_QUEUE_SEARCH,
  isFiltered,
  parseQueueSearch,
  queueInput,
  queueSearchString,
} from "../queue-params";
import type { QueueSearch } from "../queue-params";
import { BulkStatusDialog } from "./bulk-status-dialog";
import type { StaffTransitions } from "./bulk-status-dialog";
import { CountsBar } from "./counts-bar";
import { QueueFilters } from "./queue-filters";
import { QueueSkeleton, QueueTable } from "./queue-table";

/** Bursts of events (a classification writes several) refresh the list once. */
const REFRESH_DEBOUNCE_MS = 250;

function useDebouncedCallback(callback: () => void, delayMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(callback, delayMs);
  }, [callback, delayMs]);
}

/** The first page as the server rendered it, for the URL it rendered (so the list is there before any script runs). */
export interface InitialQueue {
  query: string;
  page: QueuePage;
  counts: QueueCounts;
}

export function QueueView({
  role,
  categories,
  transitions,
  initial,
}: {
  role: Role;
  categories: string[];
  transitions: StaffTransitions;
  initial: InitialQueue;
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = useMemo(() => parseQueueSearch(new URLSearchParams(params.toString())), [params]);
  const navigate = useCallback(
    (next: QueueSearch) =>
      router.replace(`${pathname}${queueSearchString(next)}`, { scroll: false }),
    [router, pathname],
  );
  const update = (patch: Partial<QueueSearch>) => navigate({ ...search, page: 1, ...patch });

  const queue = useQuery({
    ...trpc.grievance.queue.queryOptions(queueInput(search)),
    placeholderData: keepPreviousData,
    initialData: queueSearchString(search) === initial.query ? initial.page : undefined,
  });
  const counts = useQuery({ ...trpc.grievance.counts.queryOptions(), initialData: initial.counts });
  const wards = useQuery(trpc.ward.jurisdiction.queryOptions());

  // Live: refresh what is shown, and count the grievances filed since the page opened.
  const [arrived, setArrived] = useState<string[]>([]);
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries(trpc.grievance.queue.pathFilter());
    void queryClient.invalidateQueries(trpc.grievance.counts.pathFilter());
  }, [queryClient, trpc]);
  const refreshSoon = useDebouncedCallback(refresh, REFRESH_DEBOUNCE_MS);
  const onUpdate = useCallback(
    (event: LiveUpdate) => {
      if (event.eventType === "CREATED")
        setArrived((ids) => (ids.includes(event.grievanceId) ? ids : [...ids, event.grievanceId]));
      refreshSoon();
    },
    [refreshSoon],
  );
  const liveStatus = useGrievanceUpdates(onUpdate);
  const showsNewest = search.page === 1 && search.sort === "newest";

  // Supervisors select rows for a bulk status change; a new page or filter starts a new selection.
  const canBulk = role === "SUPERVISOR" || role === "ADMIN";
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkItems, setBulkItems] = useState<QueueItem[] | null>(null);
  const searchKey = queueSearchString(search);
  useEffect(() => setSelected(new Set()), [searchKey]);
  const items = queue.data?.items ?? [];
  const selection = canBulk
    ? {
        selected,
        toggle: (id: string) =>
          setSelected((current) => {
            const next = new Set(current);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          }),
        togglePage: (select: boolean) =>
          setSelected(select ? new Set(items.map((item) => item.id)) : new Set()),
      }
    : null;

  const arrivedSet = useMemo(() => new Set(arrived), [arrived]);
  const total = queue.data?.total ?? 0;
  const totalExact = queue.data?.totalExact ?? true;
  const pageSize = queue.data?.pageSize ?? 25;
  // Past the count's cap the server only promises more than `total` matches, so at least one more page.
  const pageCount = totalExact
    ? Math.max(1, Math.ceil(total / pageSize))
    : Math.max(search.page + 1, Math.ceil(total / pageSize));
  const firstShown = total === 0 ? 0 : (search.page - 1) * pageSize + 1;

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CountsBar counts={counts.data} search={search} onChange={update} />
        <LiveIndicator status={liveStatus} />
      </div>

      <QueueFilters
        search={search}
        wards={wards.data ?? []}
        categories={categories}
        onChange={update}
        onClear={() => navigate({ ...EMPTY_QUEUE_SEARCH, sort: search.sort })}
      />

      {arrived.length > 0 && (
        <Alert tone="info" className="flex flex-wrap items-center justify-between gap-3">
          <span className="flex flex-wrap items-center justify-between gap-3">
            <span>{t.live.newGrievances(arrived.length)}</span>
            <span className="flex gap-2">
              {!showsNewest && (
                <Button size="sm" onClick={() => navigate({ ...search, page: 1, sort: "newest" })}>
                  {t.live.showNewest}
                </Button>
              )}
              <Button size="sm" variant="ghost" onClick={() => setArrived([])}>
                {t.dismiss}
              </Button>
            </span>
          </span>
        </Alert>
      )}

      {canBulk && selected.size > 0 && (
        <div className="sticky top-2 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 shadow-sm">
          <span className="text-sm font-medium text-indigo-900">
            {t.bulk.selected(selected.size)}
          </span>
          <Button
            size="sm"
            onClick={() => setBulkItems(items.filter((item) => selected.has(item.id)))}
          >
            {t.bulk.open}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            {t.bulk.clearSelection}
          </Button>
        </div>
      )}

      {queue.isError && <Alert tone="error">{userFacingError(queue.error)}</Alert>}
      {queue.isPending ? (
        <QueueSkeleton />
      ) : items.length === 0 ? (
        isFiltered(search) ? (
          <EmptyState
            title={t.queue.emptyFiltered}
            action={
              <Button variant="secondary" onClick={() => navigate(EMPTY_QUEUE_SEARCH)}>
                {t.filters.clear}
              </Button>
            }
          >
            {t.queue.emptyFilteredHelp}
          </EmptyState>
        ) : (
          <EmptyState title={t.grievancesEmpty}>{t.grievancesEmptyHelp}</EmptyState>
        )
      ) : (
        <div className="relative">
          {queue.isFetching && (
            <span className="absolute -top-6 right-0 flex items-center gap-1 text-xs text-slate-500">
              <Spinner className="size-3" /> {t.loading}
            </span>
          )}
          <QueueTable items={items} arrived={arrivedSet} selection={selection} />
        </div>
      )}

      {total > 0 && (
        <Pagination
          label={t.queue.pagination}
          page={search.page}
          pageCount={pageCount}
          onPageChange={(page) => navigate({ ...search, page })}
          summary={(totalExact ? t.queue.showing : t.queue.showingOfMoreThan)(
            firstShown,
            Math.min(total, search.page * pageSize),
            total,
          )}
          previousLabel={t.queue.previous}
          nextLabel={t.queue.next}
        />
      )}

      {bulkItems && (
        <BulkStatusDialog
          open
          items={bulkItems}
          transitions={transitions}
          onClose={() => setBulkItems(null)}
          onChanged={(ids) =>
            setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))))
          }
        />
      )}
    </div>
  );
}
