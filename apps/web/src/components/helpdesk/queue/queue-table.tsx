"use client";

import Link from "next/link";
import { Badge, cn, Skeleton, Table, TableBody, TableHead, TableRow, Td, Th } from "@sunuwai/ui";
import type { QueueItem } from "@sunuwai/validators";
import { ClassificationBadge, PriorityBadge, SensitiveBadge, StatusBadge } from "../labels";
import { useHelpdeskText } from "../language-provider";
import { SlaIndicator } from "../sla-indicator";
import { RelativeTime } from "../time-text";

export interface RowSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  togglePage: (select: boolean) => void;
}

/** One page of the queue; supervisors get a checkbox per row for bulk changes. */
export function QueueTable({
  items,
  arrived,
  selection,
}: {
  items: QueueItem[];
  /** Grievances filed since the page was opened: marked "New". */
  arrived: ReadonlySet<string>;
  selection: RowSelection | null;
}) {
  const { t } = useHelpdeskText();
  const allSelected = items.length > 0 && items.every((item) => selection?.selected.has(item.id));
  return (
    <Table caption={t.queue.caption}>
      <TableHead>
        {selection && (
          <Th className="w-10">
            <input
              type="checkbox"
              aria-label={t.queue.selectPage}
              checked={allSelected}
              onChange={(event) => selection.togglePage(event.target.checked)}
              className="size-4 accent-indigo-700"
            />
          </Th>
        )}
        <Th>{t.queue.reference}</Th>
        <Th>{t.queue.ward}</Th>
        <Th>{t.queue.classification}</Th>
        <Th>{t.queue.status}</Th>
        <Th>{t.queue.sla}</Th>
        <Th>{t.queue.assignee}</Th>
        <Th>{t.queue.created}</Th>
      </TableHead>
      <TableBody>
        {items.map((item) => {
          const isNew = arrived.has(item.id);
          return (
            <TableRow
              key={item.id}
              data-reference={item.reference}
              className={cn(
                selection?.selected.has(item.id) && "bg-indigo-50/60",
                isNew && "bg-amber-50/70",
              )}
            >
              {selection && (
                <Td>
                  <input
                    type="checkbox"
                    aria-label={t.queue.selectRow(item.reference)}
                    checked={selection.selected.has(item.id)}
                    onChange={() => selection.toggle(item.id)}
                    className="size-4 accent-indigo-700"
                  />
                </Td>
              )}
              <Td className="min-w-52">
                <div className="flex flex-wrap items-center gap-1.5">
                  <Link
                    href={`/helpdesk/${item.reference}`}
                    prefetch={false}
                    className="font-mono text-sm font-semibold whitespace-nowrap text-indigo-800 underline-offset-2 hover:underline"
                  >
                    {item.reference}
                  </Link>
                  {isNew && <Badge tone="warning">{t.queue.newRow}</Badge>}
                  {item.sensitive && <SensitiveBadge />}
                </div>
                <p
                  lang={item.language}
                  className="mt-1 line-clamp-2 max-w-xs text-xs text-slate-600"
                >
                  {item.excerpt}
                </p>
              </Td>
              <Td className="whitespace-nowrap">
                {item.ward ? (
                  <span title={item.ward.name}>
                    <span className="font-mono text-xs">{item.ward.code}</span>
                    <span className="block max-w-32 truncate text-xs text-slate-500">
                      {item.ward.name}
                    </span>
                  </span>
                ) : (
                  <span className="text-slate-500">{t.noWard}</span>
                )}
              </Td>
              <Td>
                {item.categories.length > 0 ? (
                  <ul className="flex max-w-44 flex-wrap gap-1" aria-label={t.queue.categories}>
                    {item.categories.map((category) => (
                      <li key={category}>
                        <Badge>{category}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-xs text-slate-500">{t.queue.noCategories}</span>
                )}
                <div className="mt-1.5">
                  <ClassificationBadge status={item.classificationStatus} compact />
                </div>
              </Td>
              <Td>
                <StatusBadge status={item.status} />
                <div className="mt-1.5">
                  <PriorityBadge priority={item.priority} />
                </div>
              </Td>
              <Td className="text-xs">
                <SlaIndicator status={item.status} slaDueAt={item.slaDueAt} />
                {item.escalationLevel > 1 && (
                  <span className="mt-0.5 block text-slate-500">
                    {t.sla.level(item.escalationLevel)}
                  </span>
                )}
              </Td>
              <Td className="max-w-40 text-sm">
                {item.assignee?.name ?? (
                  <span className="text-slate-500 italic">{t.unassigned}</span>
                )}
              </Td>
              <Td className="text-xs whitespace-nowrap text-slate-600">
                <RelativeTime value={item.createdAt} />
              </Td>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Grey rows the shape of the table while the first page loads. */
export function QueueSkeleton() {
  const { t } = useHelpdeskText();
  return (
    <div role="status" className="rounded-lg border border-slate-200 bg-white p-4">
      <span className="sr-only">{t.queue.loadingRows}</span>
      <div className="space-y-4">
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="flex gap-4">
            <Skeleton className="h-4 w-36" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
