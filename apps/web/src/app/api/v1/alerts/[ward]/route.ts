import { listAlerts } from "@sunuwai/intel";
import { restSuccess } from "~/server/rest/envelope";
import { RestError } from "~/server/rest/errors";
import { asIntelReader } from "~/server/intel/rest";
import { toRestAlerts } from "~/server/intel/rest-shapes";
import { resolveWardRef } from "~/server/intel/ward-ref";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const MAX_LIMIT = 200;

/** A ward's alerts, newest first (`?limit=`, default 50); an empty list when there are none. */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ ward: string }> },
): Promise<Response> {
  const { ward } = await params;
  return asIntelReader(req, { tokens: true }, async ({ db, requestId }) => {
    const given = new URL(req.url).searchParams.get("limit");
    const limit = given === null ? 50 : /^\d{1,3}$/u.test(given) ? Number(given) : 0;
    if (limit < 1 || limit > MAX_LIMIT)
      throw new RestError(
        "VALIDATION_ERROR",
        `limit must be a whole number from 1 to ${MAX_LIMIT}.`,
        { limit: "out of range" },
      );
    const ref = await resolveWardRef(db, ward);
    const { items } = await listAlerts(db, { wardCode: ref.code, limit });
    return restSuccess(toRestAlerts(ref, items), requestId);
  });
}
