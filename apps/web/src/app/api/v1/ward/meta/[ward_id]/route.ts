import { wardMeta } from "@sunuwai/intel";
import { restSuccess } from "~/server/rest/envelope";
import { asIntelReader } from "~/server/intel/rest";
import { toRestWardMeta } from "~/server/intel/rest-shapes";
import { resolveWardRef } from "~/server/intel/ward-ref";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Profile, demographics, features and electoral aggregates; top-level `updated_at` is the newest nested one. */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ ward_id: string }> },
): Promise<Response> {
  const { ward_id: wardId } = await params;
  return asIntelReader(req, { tokens: true }, async ({ db, requestId }) => {
    const ref = await resolveWardRef(db, wardId);
    return restSuccess(toRestWardMeta(await wardMeta(db, { wardCode: ref.code })), requestId);
  });
}
