import { listPredictions } from "@sunuwai/intel";
import { restSuccess } from "~/server/rest/envelope";
import { RestError } from "~/server/rest/errors";
import { asIntelReader } from "~/server/intel/rest";
import { toRestPrediction } from "~/server/intel/rest-shapes";
import { resolveWardRef } from "~/server/intel/ward-ref";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The ward's newest stored prediction (`?election=` for one election). Reading never predicts: predictions are made
 * in the dashboard and kept in the ledger, so what this returns is what gets scored.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ ward_id: string }> },
): Promise<Response> {
  const { ward_id: wardId } = await params;
  return asIntelReader(req, { tokens: true }, async ({ db, requestId }) => {
    const election = new URL(req.url).searchParams.get("election")?.trim() || undefined;
    const ref = await resolveWardRef(db, wardId);
    const predictions = await listPredictions(db, {
      wardCode: ref.code,
      limit: election ? 200 : 1,
    });
    const latest = predictions.find((p) => election === undefined || p.election === election);
    if (!latest) {
      throw new RestError(
        "NOT_FOUND",
        `No prediction has been made for ward ${ref.code}${election ? ` and ${election}` : ""} yet; make one in the dashboard (Ward intelligence → Prediction).`,
      );
    }
    return restSuccess(toRestPrediction(latest), requestId);
  });
}
