import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@sunuwai/ui";
import { PageHeader } from "~/components/page-header";
import { en } from "~/messages/en";
import { ApiTokensPanel } from "./api-tokens-panel";
import { UsersPanel } from "./users-panel";

const t = en.admin;

export const metadata: Metadata = { title: t.title };

export default function AdminPage() {
  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <div className="grid gap-6">
        <Card title={t.usersTitle}>
          <UsersPanel />
        </Card>
        <Card title={t.tokensTitle} description={t.tokensDescription}>
          <ApiTokensPanel />
        </Card>
        <Card title={en.intel.ingest.linkTitle} description={en.intel.ingest.linkDescription}>
          <Link href="/admin/ingest" className="text-sm font-medium text-indigo-700 underline">
            {en.intel.ingest.open}
          </Link>
        </Card>
      </div>
    </>
  );
}
