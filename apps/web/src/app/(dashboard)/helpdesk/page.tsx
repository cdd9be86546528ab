import { Suspense } from "react";
import type { Metadata } from "next";
import { aiConfigFromEnv } from "@sunuwai/helpdesk/ai";
import { HelpdeskHeading } from "~/components/helpdesk/chrome";
import {
  parseQueueSearch,
  queueInput,
  queueSearchString,
} from "~/components/helpdesk/queue-params";
import { QueueSkeleton } from "~/components/helpdesk/queue/queue-table";
import { QueueView } from "~/components/helpdesk/queue/queue-view";
import { en } from "~/messages/en";
import { requireSection } from "~/server/viewer";
import { JurisdictionPanel } from "./jurisdiction-panel";
import { serverCaller } from "~/server/caller";
import { staffTransitions } from "./transitions";

export const metadata: Metadata = { title: en.helpdesk.title };

type SearchParams = Record<string, string | string[] | undefined>;

function toUrlSearchParams(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) search.set(key, first);
  }
  return search;
}

export default async function HelpdeskPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireSection("helpdesk");
  const seesAllWards = viewer.role === "SUPERVISOR" || viewer.role === "ADMIN";
  // The first page is fetched here, so the list (or what to do while it is empty) arrives with the HTML.
  const search = parseQueueSearch(toUrlSearchParams(await searchParams));
  const caller = await serverCaller();
  const [page, counts] = await Promise.all([
    caller.grievance.queue(queueInput(search)),
    caller.grievance.counts(),
  ]);
  return (
    <div className="grid grid-cols-1 gap-8">
      <div className="min-w-0">
        <HelpdeskHeading page={seesAllWards ? "queueAllWards" : "queue"} />
        {/* The queue follows the URL's filters as they change in the browser. */}
        <Suspense fallback={<QueueSkeleton />}>
          <QueueView
            role={viewer.role}
            categories={aiConfigFromEnv().categories}
            transitions={staffTransitions()}
            initial={{ query: queueSearchString(search), page, counts }}
          />
        </Suspense>
      </div>
      {!seesAllWards && <JurisdictionPanel />}
    </div>
  );
}
