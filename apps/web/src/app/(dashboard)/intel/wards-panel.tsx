"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { WardTable } from "~/components/ward-table";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.intel;

export function WardsPanel() {
  const trpc = useTRPC();
  const wards = useQuery(trpc.ward.list.queryOptions());
  if (!wards.data)
    return <QueryStatus isPending={wards.isPending} isError={wards.isError} what={t.wardsTitle} />;
  if (wards.data.length === 0)
    return (
      <EmptyState title={t.wardsEmpty}>
        {t.wardsEmptyHelpBefore}{" "}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">pnpm db:seed</code>
        {t.wardsEmptyHelpAfter}
      </EmptyState>
    );
  return <WardTable caption={t.wardsTitle} wards={wards.data} />;
}
