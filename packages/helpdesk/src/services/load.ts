import type { Prisma, Tx } from "@sunuwai/db";
import { canSeeGrievance, grievanceNotFound } from "../access/visibility";
import type { StaffActor } from "../access/actor";
import { EVENT_SUBJECT_SELECT } from "../events";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the workflow needs to change a grievance. */
export const GRIEVANCE_STATE_SELECT = {
  ...EVENT_SUBJECT_SELECT,
  reference: true,
  status: true,
  escalationLevel: true,
  slaDueAt: true,
  classificationStatus: true,
  complainantId: true,
} as const satisfies Prisma.GrievanceSelect;

export type GrievanceState = Prisma.GrievanceGetPayload<{ select: typeof GRIEVANCE_STATE_SELECT }>;

/** Row-locks a grievance for the rest of the transaction; null when it does not exist. */
export async function lockGrievance(tx: Tx, id: string): Promise<GrievanceState | null> {
  if (!UUID.test(id)) return null;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS id FROM "Grievance" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.grievance.findUnique({ where: { id }, select: GRIEVANCE_STATE_SELECT });
}

/** Locks a grievance the actor may see; anything else is the same NOT_FOUND as a missing one. */
export async function lockVisibleGrievance(tx: Tx, actor: StaffActor, id: string): Promise<GrievanceState> {
  const grievance = await lockGrievance(tx, id);
  if (!grievance || !canSeeGrievance(actor, grievance)) throw grievanceNotFound();
  return grievance;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
