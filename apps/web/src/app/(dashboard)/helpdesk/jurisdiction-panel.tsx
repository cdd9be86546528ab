"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { WardTable } from "~/components/ward-table";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.helpdesk;

export function JurisdictionPanel() {
  const trpc = useTRPC();
  const wards = useQuery(trpc.ward.jurisdiction.queryOptions());
  if (!wards.data)
    return (
      <QueryStatus isPending={wards.isPending} isError={wards.isError} what={t.jurisdictionTitle} />
    );
  if (wards.data.length === 0)
    return <EmptyState title={t.jurisdictionEmpty}>{t.jurisdictionEmptyHelp}</EmptyState>;
  return <WardTable caption={t.jurisdictionTitle} wards={wards.data} />;
}
