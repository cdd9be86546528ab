import { wardPulse } from "@sunuwai/intel";
import { parsePulseDays, pulsePeriod, MAX_PULSE_DAYS } from "~/lib/intel-period";
import { RestError } from "~/server/rest/errors";
import { restSuccess } from "~/server/rest/envelope";
import { asIntelReader } from "~/server/intel/rest";
import { toRestPulse } from "~/server/intel/rest-shapes";
import { resolveWardRef } from "~/server/intel/ward-ref";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A ward's pulse over the last `?days=` days (default 30, up to 366), by ward code or name. */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ ward: string }> },
): Promise<Response> {
  const { ward } = await params;
  return asIntelReader(req, { tokens: true }, async ({ db, requestId }) => {
    const days = parsePulseDays(new URL(req.url).searchParams.get("days"));
    if (days === null)
      throw new RestError(
        "VALIDATION_ERROR",
        `days must be a whole number from 1 to ${MAX_PULSE_DAYS}.`,
        { days: "out of range" },
      );
    const ref = await resolveWardRef(db, ward);
    const pulse = await wardPulse(db, { wardCode: ref.code, ...pulsePeriod(days) });
    return restSuccess(toRestPulse(pulse, days), requestId);
  });
}
