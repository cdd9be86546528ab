import type { Db } from "@sunuwai/db";
import type { CsvCell } from "./csv";

/** The long Form 20 format it was loaded in, with the station's name and electors. */
export const RESULTS_CSV_HEADER = ["election", "ward", "ac_id", "pc_id", "ps_id", "ps_name", "electors", "party", "candidate", "votes", "total_polled", "rejected"] as const;

const PAGE = 1000;

export function resultsCsvFileName(wardCode: string, election?: string): string {
  return `form20_${wardCode}${election ? `_${election}` : ""}.csv`;
}

/** A ward's Form 20 rows page by page (keyset on id), so a large ward never sits in memory whole. */
export async function* resultsCsvRows(db: Db, ward: { id: string; code: string }, election?: string): AsyncGenerator<CsvCell[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await db.electionResult.findMany({
      where: { wardId: ward.id, ...(election ? { election } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true, election: true, party: true, candidate: true, votes: true, totalPolled: true, rejected: true,
        pollingStation: { select: { acId: true, pcId: true, psId: true, name: true, electors: true } },
      },
    });
    for (const r of page) {
      const ps = r.pollingStation;
      yield [r.election, ward.code, ps.acId, ps.pcId, ps.psId, ps.name, ps.electors, r.party, r.candidate, r.votes, r.totalPolled, r.rejected];
    }
    if (page.length < PAGE) return;
    cursor = page.at(-1)?.id;
  }
}
