import type { Metadata } from "next";
import { Card, EmptyState } from "@sunuwai/ui";
import { PageHeader } from "~/components/page-header";
import { DEFAULT_PULSE_DAYS } from "~/lib/intel-period";
import { en } from "~/messages/en";
import { serverCaller } from "~/server/caller";
import { AlertsPanel } from "./alerts-panel";
import { Command } from "./command";
import { WardList } from "./ward-list";
import { WardPicker } from "./ward-picker";

const t = en.intel;

export const metadata: Metadata = { title: t.title };

/** Start of ward intelligence: find a ward, see every ward's coverage, and the newest alerts anywhere. */
export default async function IntelPage() {
  const wards = await (await serverCaller()).intel.wards();
  const anyArticles = wards.some((ward) => ward.posts > 0);
  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <div className="grid gap-6">
        <Card>
          <WardPicker wards={wards} days={DEFAULT_PULSE_DAYS} />
          {!anyArticles && wards.length > 0 && (
            <EmptyState title={t.noArticlesAnywhere} className="mt-6">
              {t.noArticlesHelpBefore} <Command>pnpm ingest &lt;file&gt;</Command>{" "}
              {t.noArticlesHelpAfter}
            </EmptyState>
          )}
        </Card>
        <Card title={t.recentAlertsTitle}>
          <AlertsPanel />
        </Card>
        <Card title={t.wardsTitle} description={t.wardsDescription}>
          {wards.length === 0 ? (
            <EmptyState title={t.wardsEmpty}>
              {t.wardsEmptyHelpBefore} <Command>pnpm db:seed</Command>
              {t.wardsEmptyHelpAfter}
            </EmptyState>
          ) : (
            <WardList wards={wards} days={DEFAULT_PULSE_DAYS} />
          )}
        </Card>
      </div>
    </>
  );
}
