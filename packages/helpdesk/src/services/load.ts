import type { Prisma, Tx } from "@sunuwai/db";
import { canSeeGrievance, grievanceNotFound } from "../access/visibility";
import { assertHelpdeskStaff } from "../access/actor";
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

/** Reads and row-locks a grievance for the rest of the transaction (one round trip); null when it does not exist. */
export async function lockGrievance(tx: Tx, id: string): Promise<GrievanceState | null> {
  if (!UUID.test(id)) return null;
  const rows = await tx.$queryRaw<GrievanceState[]>`
    SELECT "id"::text AS id, "reference", "status"::text AS status, "escalationLevel", "slaDueAt",
      "classificationStatus"::text AS "classificationStatus", "complainantId"::text AS "complainantId",
      "wardId"::text AS "wardId", "assigneeId"::text AS "assigneeId", "sensitive",
      coalesce("categories", '{}') AS categories, "sourceApiTokenId"::text AS "sourceApiTokenId"
    FROM "Grievance" WHERE "id" = ${id}::uuid
    FOR UPDATE`;
  return rows[0] ?? null;
}

/** Locks a grievance the actor may see; anything else is the same NOT_FOUND as a missing one. */
export async function lockVisibleGrievance(
  tx: Tx,
  actor: StaffActor,
  id: string,
): Promise<GrievanceState> {
  assertHelpdeskStaff(actor);
  const grievance = await lockGrievance(tx, id);
  if (!grievance || !canSeeGrievance(actor, grievance)) throw grievanceNotFound();
  return grievance;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
