import { env } from "../env";

/** Escalation levels of the Nepal GRM: 1 site, 2 project unit, 3 grievance committee, 4 legal. */
export const MAX_ESCALATION_LEVEL = 4;

export interface SlaPolicy {
  /** Days each of levels 1–3 has before the grievance escalates; level 4 has no clock. */
  levelDays: readonly [number, number, number];
}

export const NEPAL_GRM_SLA: SlaPolicy = { levelDays: [2, 7, 15] };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The policy from SLA_LEVEL_DAYS ("2,7,15"), or the Nepal GRM defaults. */
export function slaPolicyFromEnv(): SlaPolicy {
  if (!env.SLA_LEVEL_DAYS) return NEPAL_GRM_SLA;
  const [one = 2, two = 7, three = 15] = env.SLA_LEVEL_DAYS.split(",").map(Number);
  return { levelDays: [one, two, three] };
}

/** When a grievance that reached `level` at `from` falls due; null at level 4 (no clock). */
export function slaDueAt(
  level: number,
  from: Date,
  policy: SlaPolicy = slaPolicyFromEnv(),
): Date | null {
  const days = level >= 1 && level <= 3 ? policy.levelDays[level - 1] : undefined;
  return days === undefined ? null : new Date(from.getTime() + days * DAY_MS);
}
