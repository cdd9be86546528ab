import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@sunuwai/ui";
import { epaperInbox } from "@sunuwai/intel";
import { PageHeader } from "~/components/page-header";
import { en } from "~/messages/en";
import { IngestRunsPanel } from "./ingest-runs-panel";
import { StartIngestForm } from "./start-ingest-form";

const t = en.intel.ingest;

export const metadata: Metadata = { title: t.title };

/** Admins: start an ingestion of an inbox file and watch every run's counts and bad lines. */
export default function IngestPage() {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin" className="text-indigo-700 underline-offset-2 hover:underline">
          {en.admin.title}
        </Link>
      </nav>
      <PageHeader title={t.title} intro={t.intro} />
      {/* One shrinkable column, so a wide runs table scrolls inside its card instead of widening the page. */}
      <div className="grid grid-cols-1 gap-6">
        <Card title={t.startTitle} description={t.startDescription(epaperInbox())}>
          <StartIngestForm />
        </Card>
        <Card title={t.runsTitle} description={t.runsLive}>
          <IngestRunsPanel />
        </Card>
      </div>
    </>
  );
}
