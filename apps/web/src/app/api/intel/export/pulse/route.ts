import { wardPulse } from "@sunuwai/intel";
import { MAX_PULSE_DAYS, parsePulseDays, pulsePeriod } from "~/lib/intel-period";
import { RestError } from "~/server/rest/errors";
import { asIntelReader } from "~/server/intel/rest";
import { resolveWardRef } from "~/server/intel/ward-ref";
import { csvResponse } from "../csv";
import type { CsvCell } from "../csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const FIGURES = [
  ["topics", "topic"],
  ["parties", "party"],
  ["sources", "source"],
] as const;
const HEADER = [
  "ward",
  "from",
  "to",
  "figure",
  "key",
  "posts",
  "share",
  "average_sentiment",
  "negative_posts",
  "outlets",
  "warnings",
];

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
    const prefix = [pulse.ward.code, pulse.from, pulse.to];
    const rows: (readonly CsvCell[])[] = [
      ...pulse.daily.map((d) => [
        ...prefix,
        "day",
        d.day,
        d.posts,
        null,
        d.averageSentiment,
        d.negativePosts,
        d.outlets,
        d.warnings.join("; "),
      ]),
      ...FIGURES.flatMap(([list, figure]) =>
        pulse[list].map((f) => [
          ...prefix,
          figure,
          f.key,
          f.posts,
          f.share,
          null,
          null,
          null,
          f.warnings.join("; "),
        ]),
      ),
    ];
    return csvResponse(
      `pulse_${pulse.ward.code}_${pulse.from}_${pulse.to}.csv`,
      HEADER,
      rows,
      requestId,
    );
  });
}
