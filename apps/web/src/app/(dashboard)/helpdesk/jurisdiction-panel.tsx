"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, EmptyState } from "@sunuwai/ui";
import { useHelpdeskText } from "~/components/helpdesk/language-provider";
import { QueryStatus } from "~/components/query-status";
import { WardTable } from "~/components/ward-table";
import { useTRPC } from "~/trpc/react";

/** The wards whose grievances are routed to this officer (every ward for supervisors and admins). */
export function JurisdictionPanel() {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const wards = useQuery(trpc.ward.jurisdiction.queryOptions());
  return (
    <Card title={t.jurisdictionTitle} description={t.jurisdictionDescription}>
      {!wards.data ? (
        <QueryStatus
          isPending={wards.isPending}
          isError={wards.isError}
          what={t.jurisdictionTitle}
        />
      ) : wards.data.length === 0 ? (
        <EmptyState title={t.jurisdictionEmpty}>{t.jurisdictionEmptyHelp}</EmptyState>
      ) : (
        <WardTable caption={t.jurisdictionTitle} wards={wards.data} />
      )}
    </Card>
  );
}
