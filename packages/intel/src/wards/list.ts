import type { Db } from "@sunuwai/db";
import type { WardSummary } from "@sunuwai/validators";

/** Wards as analysts pick them, by municipality then code. */
export async function listIntelWards(db: Db): Promise<WardSummary[]> {
  return db.ward.findMany({
    select: { id: true, code: true, name: true, localName: true, municipality: true, country: true },
    orderBy: [{ municipality: "asc" }, { number: "asc" }, { code: "asc" }],
  });
}
