import path from "node:path";
import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import { scorePredictions } from "../prediction/score";
import { Gazetteer } from "../wards/gazetteer";
import { checkStations } from "./check";
import { readForm20 } from "./parse";
import type { Form20Row, RejectedRow } from "./parse";

export interface Form20Result {
  election: string;
  rowsRead: number;
  rowsLoaded: number;
  rejectedCount: number;
  /** First MAX_REPORTED of the rejected rows, by line number. */
  rejected: RejectedRow[];
  pollingStations: number;
  /** Codes of the wards whose results changed. */
  wards: string[];
  /** Rows whose ward_id/ward_name matched no ward: stored, but in no ward's aggregates. */
  unmatchedWardRows: number;
  /** Open predictions for this election scored against the loaded result. */
  predictionsScored: number;
}

const MAX_REPORTED = 1000;
const WRITE_BATCH = 2000;

/** Election name from the file name when --election is not given: `ghmc-2020.csv` → `ghmc-2020`. */
export function electionFromFile(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/u, "");
}

/**
 * Loads a Form 20 CSV (long format) for one election: rows checked one by one and per polling station, invalid rows
 * reported with their line number, polling stations and results upserted (a reload replaces the figures), then
 * open predictions for the election scored.
 */
export async function loadForm20(db: Db, input: { path: string; election?: string }): Promise<Form20Result> {
  const election = (input.election ?? electionFromFile(input.path)).trim();
  if (election === "") throw new AppError("VALIDATION", "Name the election (--election).");
  const rows: Form20Row[] = [];
  const rejected: RejectedRow[] = [];
  const rowsRead = await readForm20(input.path, (row) => rows.push(row), (r) => rejected.push(r));
  const stations = checkStations(rows);
  rejected.push(...stations.rejected);
  rejected.sort((a, b) => a.row - b.row);

  const wards = await db.ward.findMany({ select: { id: true, code: true, name: true, localName: true, aliases: true } });
  const gazetteer = new Gazetteer(wards);
  const codeOf = new Map(wards.map((w) => [w.id, w.code]));
  const wardOf = (row: Form20Row) =>
    (row.ward_id ? gazetteer.wardIdForCode(row.ward_id) : undefined) ?? (row.ward_name ? gazetteer.matchText(row.ward_name, "") : null) ?? null;
  const records = stations.valid.map((row) => ({ ...row, ward: wardOf(row) }));

  const stationRecords = new Map<string, { ps_id: string; ac_id: string; pc_id: string | null; name: string | null; electors: number | null; ward_id: string | null }>();
  for (const r of records) {
    stationRecords.set(`${r.ac_id}\u0000${r.ps_id}`, { ps_id: r.ps_id, ac_id: r.ac_id, pc_id: r.pc_id, name: r.ps_name, electors: r.electors ?? null, ward_id: r.ward });
  }

  await db.$transaction(
    async (tx) => {
      const stationList = [...stationRecords.values()];
      for (let i = 0; i < stationList.length; i += WRITE_BATCH) {
        await tx.$executeRaw`
          INSERT INTO "PollingStation" ("id", "psId", "acId", "pcId", "name", "electors", "wardId", "updatedAt")
          SELECT gen_random_uuid(), s.ps_id, s.ac_id, s.pc_id, s.name, s.electors, s.ward_id, now()
          FROM jsonb_to_recordset(${JSON.stringify(stationList.slice(i, i + WRITE_BATCH))}::jsonb)
            AS s(ps_id text, ac_id text, pc_id text, name text, electors int, ward_id uuid)
          ON CONFLICT ("acId", "psId") DO UPDATE SET
            "pcId" = coalesce(EXCLUDED."pcId", "PollingStation"."pcId"),
            "name" = coalesce(EXCLUDED."name", "PollingStation"."name"),
            "electors" = coalesce(EXCLUDED."electors", "PollingStation"."electors"),
            "wardId" = coalesce(EXCLUDED."wardId", "PollingStation"."wardId"),
            "updatedAt" = now()`;
      }
      for (let i = 0; i < records.length; i += WRITE_BATCH) {
        const batch = records.slice(i, i + WRITE_BATCH).map((r) => ({
          ps_id: r.ps_id, ac_id: r.ac_id, party: r.party, candidate: r.candidate, votes: r.votes,
          total_polled: r.total_polled, rejected: r.rejected,
        }));
        await tx.$executeRaw`
          INSERT INTO "ElectionResult" ("id", "election", "party", "candidate", "votes", "totalPolled", "rejected", "pollingStationId", "wardId")
          SELECT gen_random_uuid(), ${election}, r.party, r.candidate, r.votes, r.total_polled, r.rejected, ps."id", ps."wardId"
          FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            AS r(ps_id text, ac_id text, party text, candidate text, votes int, total_polled int, rejected int)
          JOIN "PollingStation" ps ON ps."acId" = r.ac_id AND ps."psId" = r.ps_id
          ON CONFLICT ("election", "pollingStationId", "candidate") DO UPDATE SET
            "party" = EXCLUDED."party", "votes" = EXCLUDED."votes", "totalPolled" = EXCLUDED."totalPolled",
            "rejected" = EXCLUDED."rejected", "wardId" = EXCLUDED."wardId"`;
      }
    },
    { timeout: 300_000 },
  );

  const wardIds = new Set(records.flatMap((r) => (r.ward ? [r.ward] : [])));
  const scored = await scorePredictions(db, { election });
  return {
    election,
    rowsRead,
    rowsLoaded: records.length,
    rejectedCount: rejected.length,
    rejected: rejected.slice(0, MAX_REPORTED),
    pollingStations: stationRecords.size,
    wards: [...wardIds].map((id) => codeOf.get(id) ?? id).sort(),
    unmatchedWardRows: records.filter((r) => !r.ward).length,
    predictionsScored: scored.scored,
  };
}
