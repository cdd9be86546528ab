import type { Db } from "@sunuwai/db";
import { asIntelReader } from "~/server/intel/rest";
import { resolveWardRef } from "~/server/intel/ward-ref";
import { csvResponse } from "../csv";
import type { CsvCell } from "../csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const PAGE = 1000;
const HEADER = [
  "election",
  "ward",
  "ac_id",
  "pc_id",
  "ps_id",
  "ps_name",
  "electors",
  "party",
  "candidate",
  "votes",
  "total_polled",
  "rejected",
];

/** The ward's Form 20 rows page by page (keyset on id), so a large ward never sits in memory whole. */
async function* form20Rows(
  db: Db,
  ward: { id: string; code: string },
  election: string | undefined,
): AsyncGenerator<readonly CsvCell[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await db.electionResult.findMany({
      where: { wardId: ward.id, ...(election ? { election } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        election: true,
        party: true,
        candidate: true,
        votes: true,
        totalPolled: true,
        rejected: true,
        pollingStation: {
          select: { acId: true, pcId: true, psId: true, name: true, electors: true },
        },
      },
    });
    for (const r of page) {
      const ps = r.pollingStation;
      yield [
        r.election,
        ward.code,
        ps.acId,
        ps.pcId,
        ps.psId,
        ps.name,
        ps.electors,
        r.party,
        r.candidate,
        r.votes,
        r.totalPolled,
        r.rejected,
      ];
    }
    if (page.length < PAGE) return;
    cursor = page.at(-1)?.id;
  }
}

/** The Form 20 results of `?ward=` (optionally one `?election=`) in the long format they were loaded in. Analysts only. */
export async function GET(req: Request): Promise<Response> {
  return asIntelReader(req, { tokens: false }, async ({ db, requestId }) => {
    const query = new URL(req.url).searchParams;
    const ref = await resolveWardRef(db, query.get("ward") ?? "");
    const election = query.get("election")?.trim() || undefined;
    const name = `form20_${ref.code}${election ? `_${election}` : ""}.csv`;
    return csvResponse(name, HEADER, form20Rows(db, ref, election), requestId);
  });
}
