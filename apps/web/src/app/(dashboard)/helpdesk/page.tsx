import { Suspense } from "react";
import type { Metadata } from "next";
import { aiConfigFromEnv } from "@sunuwai/helpdesk/ai";
import { HelpdeskHeading } from "~/components/helpdesk/chrome";
import { QueueSkeleton } from "~/components/helpdesk/queue/queue-table";
import { QueueView } from "~/components/helpdesk/queue/queue-view";
import { en } from "~/messages/en";
import { requireSection } from "~/server/viewer";
import { JurisdictionPanel } from "./jurisdiction-panel";
import { staffTransitions } from "./transitions";

export const metadata: Metadata = { title: en.helpdesk.title };

export default async function HelpdeskPage() {
  const viewer = await requireSection("helpdesk");
  const seesAllWards = viewer.role === "SUPERVISOR" || viewer.role === "ADMIN";
  return (
    <div className="grid grid-cols-1 gap-8">
      <div className="min-w-0">
        <HelpdeskHeading page={seesAllWards ? "queueAllWards" : "queue"} />
        {/* The queue reads its filters from the URL, which is only known in the browser. */}
        <Suspense fallback={<QueueSkeleton />}>
          <QueueView
            role={viewer.role}
            categories={aiConfigFromEnv().categories}
            transitions={staffTransitions()}
          />
        </Suspense>
      </div>
      {!seesAllWards && <JurisdictionPanel />}
    </div>
  );
}
