import type { Metadata } from "next";
import { Card, EmptyState } from "@sunuwai/ui";
import { PageHeader } from "~/components/page-header";
import { en } from "~/messages/en";
import { JurisdictionPanel } from "./jurisdiction-panel";

const t = en.helpdesk;

export const metadata: Metadata = { title: t.title };

export default function HelpdeskPage() {
  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <div className="grid gap-6">
        <Card title={t.grievancesTitle}>
          <EmptyState title={t.grievancesEmpty}>{t.grievancesEmptyHelp}</EmptyState>
        </Card>
        <Card title={t.jurisdictionTitle} description={t.jurisdictionDescription}>
          <JurisdictionPanel />
        </Card>
      </div>
    </>
  );
}
