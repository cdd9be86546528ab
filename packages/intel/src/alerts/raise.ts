import type { AlertKind, Db } from "@sunuwai/db";
import { rows as queryRows, sql, sqlThroughPrisma } from "../sql";
import type { SqlRunner } from "../sql";
import { NEGATIVE_SENTIMENT } from "../analysis/analyser";
import { ALERT_RECENT_DAYS, EVIDENCE_LIMIT } from "./candidates";
import type { AlertCandidate } from "./candidates";
import { detectKeywordMatches, detectNegativeSurges, detectNewTopics, detectVolumeSpikes } from "./detectors";
import type { WardDay } from "./detectors";

export interface AlertSummary {
  /** Alerts stored by this call (already-raised ones are not counted). */
  raised: number;
  byKind: Partial<Record<AlertKind, number>>;
}

/** The newest ALERT_RECENT_DAYS days each ward gained posts on: a backfill of old files does not page anyone for last year. */
export function recentWardDays(affected: ReadonlyMap<string, ReadonlySet<string>>): WardDay[] {
  const list: WardDay[] = [];
  for (const [wardId, days] of affected) {
    const sorted = [...days].sort().reverse().slice(0, ALERT_RECENT_DAYS);
    for (const day of sorted) list.push({ wardId, day });
  }
  return list;
}

/** Post ids behind each candidate (bounded per alert), in the candidates' order. */
async function fetchEvidence(runner: SqlRunner, candidates: readonly AlertCandidate[]): Promise<string[][]> {
  if (candidates.length === 0) return [];
  const specs = candidates.map((c, i) => ({
    i,
    ward_id: c.wardId,
    day: c.day,
    kind: c.evidence.kind,
    topic: c.evidence.kind === "topic" ? c.evidence.topic : null,
    party: c.evidence.kind === "negativeParty" ? c.evidence.party : null,
    keywords: c.evidence.kind === "keywords" ? c.evidence.keywords : null,
  }));
  const rows = await queryRows<{ i: number; ids: string[] }>(runner, sql`
    SELECT c.i, coalesce(array(
      SELECT p."id"::text FROM "Post" p
      LEFT JOIN "Epaper" e ON e."id" = p."epaperId" AND c.kind = 'keywords'
      WHERE p."wardId" = c.ward_id AND NOT p."isDuplicate"
        AND p."publishedAt" >= c.day::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < (c.day + 1)::timestamp AT TIME ZONE 'UTC'
        AND CASE c.kind
          WHEN 'topic' THEN p."topics" @> ARRAY[c.topic]
          WHEN 'negativeParty' THEN p."party" = c.party AND p."sentiment" <= ${NEGATIVE_SENTIMENT}
          WHEN 'keywords' THEN EXISTS (
            SELECT 1 FROM jsonb_array_elements_text(c.keywords) AS k(keyword)
            WHERE coalesce(e."title" || ' ' || e."body", p."text") ILIKE '%' || replace(replace(replace(trim(k.keyword), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
          ELSE true
        END
      ORDER BY p."publishedAt", p."id"
      LIMIT ${EVIDENCE_LIMIT}::int
    ), '{}') AS ids
    FROM jsonb_to_recordset(${JSON.stringify(specs)}::jsonb) AS c(i int, ward_id uuid, day date, kind text, topic text, party text, keywords jsonb)`);
  const byIndex = new Map(rows.map((row) => [row.i, row.ids]));
  return candidates.map((_, i) => byIndex.get(i) ?? []);
}

/** Stores candidates; a dedupe key seen before is skipped by the database, so re-running raises nothing. */
export async function storeAlerts(runner: SqlRunner, candidates: readonly AlertCandidate[]): Promise<AlertSummary> {
  const summary: AlertSummary = { raised: 0, byKind: {} };
  if (candidates.length === 0) return summary;
  const evidence = await fetchEvidence(runner, candidates);
  const records = candidates.map((c, i) => ({
    kind: c.kind,
    severity: c.severity,
    reason: c.reason,
    dedupe_key: c.dedupeKey,
    evidence: evidence[i] ?? [],
    details: c.details,
    ward_id: c.wardId,
    saved_alert_id: c.savedAlertId,
  }));
  const inserted = await queryRows<{ kind: AlertKind }>(runner, sql`
    INSERT INTO "Alert" ("id", "kind", "severity", "reason", "dedupeKey", "evidencePostIds", "details", "wardId", "savedAlertId")
    SELECT gen_random_uuid(), r.kind::"AlertKind", r.severity::"Severity", r.reason, r.dedupe_key,
           ARRAY(SELECT jsonb_array_elements_text(r.evidence))::uuid[], r.details, r.ward_id, r.saved_alert_id
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      AS r(kind text, severity text, reason text, dedupe_key text, evidence jsonb, details jsonb, ward_id uuid, saved_alert_id uuid)
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "kind"::text AS kind`);
  for (const row of inserted) summary.byKind[row.kind] = (summary.byKind[row.kind] ?? 0) + 1;
  summary.raised = inserted.length;
  return summary;
}

/** Runs every detector over the given ward-days and stores what they find. */
export async function raiseAlertsWith(runner: SqlRunner, wardDays: readonly WardDay[]): Promise<AlertSummary> {
  if (wardDays.length === 0) return { raised: 0, byKind: {} };
  const candidates = [
    ...(await detectVolumeSpikes(runner, wardDays)),
    ...(await detectNegativeSurges(runner, wardDays)),
    ...(await detectNewTopics(runner, wardDays)),
    ...(await detectKeywordMatches(runner, wardDays)),
  ];
  return storeAlerts(runner, candidates);
}

export function raiseAlerts(db: Db, wardDays: readonly WardDay[]): Promise<AlertSummary> {
  return raiseAlertsWith(sqlThroughPrisma(db), wardDays);
}

/** After an ingestion: the wards and days it added posts to (on a plain connection: the CLI never loads Prisma). */
export function raiseAlertsForIngestion(runner: SqlRunner, affected: ReadonlyMap<string, ReadonlySet<string>>): Promise<AlertSummary> {
  return raiseAlertsWith(runner, recentWardDays(affected));
}

/** For one ward (recompute task): its newest days with articles. */
export async function raiseAlertsForWard(db: Db, wardId: string): Promise<AlertSummary> {
  const days = await db.$queryRaw<{ day: string }[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS day FROM "WardPulseDaily"
    WHERE "wardId" = ${wardId}::uuid ORDER BY "day" DESC LIMIT ${ALERT_RECENT_DAYS}::int`;
  return raiseAlerts(db, days.map((d) => ({ wardId, day: d.day })));
}
