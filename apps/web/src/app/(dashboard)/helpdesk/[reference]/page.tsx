import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { aiConfigFromEnv } from "@sunuwai/helpdesk/ai";
import { grievanceReferenceSchema } from "@sunuwai/validators";
import { GrievanceDetailView } from "~/components/helpdesk/detail/detail-view";
import { requireSection } from "~/server/viewer";
import { helpdeskCaller, orNotFound } from "../server-caller";

interface Props {
  params: Promise<{ reference: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = grievanceReferenceSchema.safeParse(decodeURIComponent((await params).reference));
  return { title: parsed.success ? parsed.data : "Grievance" };
}

/**
 * `/helpdesk/GRV-2026-000123`: found through the queue's exact reference match, so a grievance outside the viewer's
 * scope answers 404 exactly like one that does not exist.
 */
export default async function GrievancePage({ params }: Props) {
  const viewer = await requireSection("helpdesk");
  const parsed = grievanceReferenceSchema.safeParse(decodeURIComponent((await params).reference));
  if (!parsed.success) notFound();
  const reference = parsed.data;
  const caller = await helpdeskCaller();
  const matches = await caller.grievance.queue({ text: reference, pageSize: 10 });
  const match = matches.items.find((item) => item.reference === reference);
  if (!match) notFound();
  const grievance = await orNotFound(caller.grievance.detail({ grievanceId: match.id }));
  return (
    <GrievanceDetailView
      initial={grievance}
      viewer={{ id: viewer.id, role: viewer.role }}
      categories={aiConfigFromEnv().categories}
    />
  );
}
