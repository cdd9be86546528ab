// Ward reads shared by the helpdesk dashboard, the intel dashboard and the chatbot. They are plain selects that
// belong to neither domain package (helpdesk must not depend on intel or the reverse), so they sit beside the
// routers that use them.
import type { Db, Prisma } from "@sunuwai/db";
import type { ChatbotWard, UserViewer, WardSummary } from "@sunuwai/validators";

const wardSummarySelect = {
  id: true,
  code: true,
  name: true,
  localName: true,
  municipality: true,
  country: true,
} satisfies Prisma.WardSelect;

const wardOrder = [
  { country: "asc" },
  { municipality: "asc" },
  { code: "asc" },
] satisfies Prisma.WardOrderByWithRelationInput[];

export function listWards(db: Db): Promise<WardSummary[]> {
  return db.ward.findMany({ select: wardSummarySelect, orderBy: wardOrder });
}

/** The wards a staff member works on: their jurisdiction, or every ward for supervisors and admins. */
export function listJurisdictionWards(db: Db, viewer: UserViewer): Promise<WardSummary[]> {
  const seesAllWards = viewer.role === "SUPERVISOR" || viewer.role === "ADMIN";
  return db.ward.findMany({
    where: seesAllWards ? {} : { officers: { some: { userId: viewer.id } } },
    select: wardSummarySelect,
    orderBy: wardOrder,
  });
}

export function listChatbotWards(db: Db): Promise<ChatbotWard[]> {
  return db.ward.findMany({
    select: { code: true, name: true, localName: true, municipality: true },
    orderBy: wardOrder,
  });
}
