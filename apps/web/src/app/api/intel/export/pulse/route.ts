import { PULSE_CSV_HEADER, pulseCsvFileName, pulseCsvRows, wardPulse } from "@sunuwai/intel";
import { MAX_PULSE_DAYS, parsePulseDays, pulsePeriod } from "~/lib/intel-period";
import { RestError } from "~/server/rest/errors";
import { asIntelReader } from "~/server/intel/rest";
import { resolveWardRef } from "~/server/intel/ward-ref";
import { csvResponse } from "../csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The pulse of `?ward=` over the last `?days=` days as one tidy table: a row per day, then per topic, party and
 * source, each with its warnings. Signed-in analysts only.
 */
export async function GET(req: Request): Promise<Response> {
  return asIntelReader(req, { tokens: false }, async ({ db, requestId }) => {
    const query = new URL(req.url).searchParams;
    const days = parsePulseDays(query.get("days"));
    if (days === null)
      throw new RestError(
        "VALIDATION_ERROR",
        `days must be a whole number from 1 to ${MAX_PULSE_DAYS}.`,
      );
    const ref = await resolveWardRef(db, query.get("ward") ?? "");
    const pulse = await wardPulse(db, { wardCode: ref.code, ...pulsePeriod(days) });
    return csvResponse(pulseCsvFileName(pulse), PULSE_CSV_HEADER, pulseCsvRows(pulse), requestId);
  });
}
