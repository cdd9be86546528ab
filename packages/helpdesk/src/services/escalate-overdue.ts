import type { Db } from "@sunuwai/db";
import { OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import { MAX_ESCALATION_LEVEL, slaPolicyFromEnv } from "../workflow/sla";
import type { SlaPolicy } from "../workflow/sla";
import { lockGrievance } from "./load";
import { escalateGrievance } from "./transitions";

export interface EscalationRun {
  escalated: { id: string; reference: string; toLevel: number; assigneeId: string | null }[];
}

/**
 * Escalates every open grievance whose SLA is due at `now` by one level (new clock, reassigned to a supervisor,
 * ESCALATED event). Each batch locks its rows with SKIP LOCKED and re-checks them under the lock, so two runs at
 * once never escalate a grievance twice, and a second run at the same `now` finds nothing: the new due time is
 * later than `now`.
 */
export async function escalateOverdueGrievances(
  db: Db,
  options: { now?: Date; policy?: SlaPolicy; batchSize?: number } = {},
): Promise<EscalationRun> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? slaPolicyFromEnv();
  const batchSize = options.batchSize ?? 100;
  const open: string[] = [...OPEN_GRIEVANCE_STATUSES];
  const run: EscalationRun = { escalated: [] };
  // One level per run, even under a policy whose new due time is already past.
  const seen: string[] = [];
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id"::text AS id FROM "Grievance"
        WHERE "status"::text = ANY(${open}::text[]) AND "slaDueAt" <= ${now} AND "escalationLevel" < ${MAX_ESCALATION_LEVEL}
          AND NOT ("id" = ANY(${seen}::uuid[]))
        ORDER BY "slaDueAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
        const escalated: EscalationRun["escalated"] = [];
        for (const { id } of due) {
          const grievance = await lockGrievance(tx, id);
          if (!grievance) continue;
          const updated = await escalateGrievance(tx, grievance, {
            by: "system",
            actor: { kind: "system" },
            now,
            policy,
            trigger: "sla",
          });
          escalated.push({
            id,
            reference: updated.reference,
            toLevel: updated.escalationLevel,
            assigneeId: updated.assigneeId,
          });
        }
        return escalated;
      },
      { timeout: 60_000 },
    );
    run.escalated.push(...batch);
    seen.push(...batch.map((item) => item.id));
    if (batch.length < batchSize) return run;
  }
}
