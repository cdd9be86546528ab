import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { aiConfigFromEnv } from "@sunuwai/helpdesk/ai";
import { grievanceReferenceSchema } from "@sunuwai/validators";
import { GrievanceDetailView } from "~/components/helpdesk/detail/detail-view";
import { requireSection } from "~/server/viewer";
import { orNotFound, serverCaller } from "~/server/caller";

interface Props {
  params: Promise<{ reference: string }>;
}

async function referenceOf(params: Props["params"]): Promise<string | null> {
  const parsed = grievanceReferenceSchema.safeParse(decodeURIComponent((await params).reference));
  return parsed.success ? parsed.data : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await referenceOf(params)) ?? "Grievance" };
}

/** `/helpdesk/GRV-2026-000123`: a grievance outside the viewer's scope answers 404, like one that does not exist. */
export default async function GrievancePage({ params }: Props) {
  const viewer = await requireSection("helpdesk");
  const reference = await referenceOf(params);
  if (!reference) notFound();
  const caller = await serverCaller();
  const grievance = await orNotFound(caller.grievance.detailByReference({ reference }));
  return (
    <GrievanceDetailView
      initial={grievance}
      viewer={{ id: viewer.id, role: viewer.role }}
      categories={aiConfigFromEnv().categories}
    />
  );
}
