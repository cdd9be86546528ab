import type { Db } from "@sunuwai/db";
import type { WardElection } from "@sunuwai/validators";

interface StationTotals {
  election: string;
  stations: number;
  totalPolled: number;
  rejected: number;
  electors: number | null;
  polledWithElectors: number;
  updatedAt: Date;
}

/**
 * A ward's electoral aggregates per election, newest load first: turnout (over stations with known electors), vote
 * share per party (of valid votes, i.e. all candidates' votes), winner, runner-up and margin.
 */
export async function wardElections(db: Db, wardId: string): Promise<WardElection[]> {
  const [totals, votes] = await Promise.all([
    db.$queryRaw<StationTotals[]>`
      SELECT election, count(*)::int AS stations, sum(total_polled)::int AS "totalPolled", sum(rejected)::int AS rejected,
             sum(electors)::int AS electors, coalesce(sum(total_polled) FILTER (WHERE electors IS NOT NULL), 0)::int AS "polledWithElectors",
             max(updated_at) AS "updatedAt"
      FROM (
        SELECT r."election" AS election, r."pollingStationId", max(r."totalPolled") AS total_polled, max(r."rejected") AS rejected,
               max(ps."electors") AS electors, greatest(max(r."createdAt"), max(ps."updatedAt")) AS updated_at
        FROM "ElectionResult" r JOIN "PollingStation" ps ON ps."id" = r."pollingStationId"
        WHERE r."wardId" = ${wardId}::uuid
        GROUP BY r."election", r."pollingStationId"
      ) AS per_station
      GROUP BY election`,
    db.$queryRaw<{ election: string; party: string; votes: number }[]>`
      SELECT "election", "party", sum("votes")::int AS votes FROM "ElectionResult"
      WHERE "wardId" = ${wardId}::uuid GROUP BY "election", "party"`,
  ]);
  return totals
    .map((t) => {
      const parties = votes.filter((v) => v.election === t.election).sort((a, b) => b.votes - a.votes || a.party.localeCompare(b.party));
      const valid = parties.reduce((sum, p) => sum + p.votes, 0);
      const [first, second] = parties;
      const margin = first ? first.votes - (second?.votes ?? 0) : null;
      return {
        election: t.election,
        pollingStations: t.stations,
        electors: t.electors,
        totalPolled: t.totalPolled,
        validVotes: valid,
        rejected: t.rejected,
        turnout: t.electors ? t.polledWithElectors / t.electors : null,
        parties: parties.map((p) => ({ party: p.party, votes: p.votes, share: valid > 0 ? p.votes / valid : 0 })),
        winner: first?.party ?? null,
        runnerUp: second?.party ?? null,
        margin,
        marginShare: margin !== null && valid > 0 ? margin / valid : null,
        updatedAt: t.updatedAt,
      };
    })
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.election.localeCompare(a.election));
}
