"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { useTRPC } from "~/trpc/react";
import { StatusBadge } from "../labels";
import { useHelpdeskText } from "../language-provider";

/** Up to three look-alike grievances of the same ward, to compare: never merged automatically. */
export function SimilarPanel({ grievanceId }: { grievanceId: string }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const similar = useQuery(trpc.grievance.similar.queryOptions({ grievanceId }));
  return (
    <Card title={t.similar.title} description={t.similar.note}>
      {!similar.data ? (
        <QueryStatus
          isPending={similar.isPending}
          isError={similar.isError}
          what={t.similar.title}
        />
      ) : similar.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t.similar.empty}</p>
      ) : (
        <ul className="grid gap-3">
          {similar.data.map((item) => (
            <li key={item.id} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/helpdesk/${item.reference}`}
                  prefetch={false}
                  className="font-mono text-sm font-semibold text-indigo-800 hover:underline"
                >
                  {item.reference}
                </Link>
                <StatusBadge status={item.status} />
                <span className="ml-auto text-xs text-slate-500">
                  {t.similar.similarity(Math.round(item.similarity * 100))}
                </span>
              </div>
              <p className="mt-1 line-clamp-3 text-sm text-slate-700">{item.excerpt}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
