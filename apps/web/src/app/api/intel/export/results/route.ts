import { RESULTS_CSV_HEADER, resultsCsvFileName, resultsCsvRows } from "@sunuwai/intel";
import { asIntelReader } from "~/server/intel/rest";
import { resolveWardRef } from "~/server/intel/ward-ref";
import { csvResponse } from "../csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The Form 20 results of `?ward=` (optionally one `?election=`) in the long format they were loaded in. Analysts only. */
export async function GET(req: Request): Promise<Response> {
  return asIntelReader(req, { tokens: false }, async ({ db, requestId }) => {
    const query = new URL(req.url).searchParams;
    const ref = await resolveWardRef(db, query.get("ward") ?? "");
    const election = query.get("election")?.trim() || undefined;
    return csvResponse(
      resultsCsvFileName(ref.code, election),
      RESULTS_CSV_HEADER,
      resultsCsvRows(db, ref, election),
      requestId,
    );
  });
}
