import type { Metadata } from "next";
import { Card, EmptyState } from "@sunuwai/ui";
import { PageHeader } from "~/components/page-header";
import { en } from "~/messages/en";
import { WardsPanel } from "./wards-panel";

const t = en.intel;

export const metadata: Metadata = { title: t.title };

export default function IntelPage() {
  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <div className="grid gap-6">
        <Card title={t.pulseTitle}>
          <EmptyState title={t.postsEmpty}>
            <p>
              {t.postsEmptyHelpBefore}{" "}
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
                pnpm ingest &lt;file&gt;
              </code>{" "}
              {t.postsEmptyHelpAfter}
            </p>
          </EmptyState>
        </Card>
        <Card title={t.wardsTitle} description={t.wardsDescription}>
          <WardsPanel />
        </Card>
      </div>
    </>
  );
}
