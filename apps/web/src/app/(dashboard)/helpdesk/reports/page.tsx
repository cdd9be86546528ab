import type { Metadata } from "next";
import { HelpdeskHeading } from "~/components/helpdesk/chrome";
import { SlaReportView } from "~/components/helpdesk/reports/sla-report-view";
import { en } from "~/messages/en";
import { requireSection } from "~/server/viewer";

export const metadata: Metadata = { title: en.helpdesk.reports.title };

export default async function SlaReportPage() {
  const viewer = await requireSection("helpdesk");
  return (
    <>
      <HelpdeskHeading page={viewer.role === "OFFICER" ? "reportsOfficer" : "reports"} />
      <SlaReportView viewer={{ id: viewer.id, role: viewer.role }} />
    </>
  );
}
