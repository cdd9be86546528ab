import { Prisma } from "@sunuwai/db";
import type { Tx } from "@sunuwai/db";
import { OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";

const OPEN: string[] = [...OPEN_GRIEVANCE_STATUSES];

/** Open grievances assigned to user `u` (aliased); compared as the enum so the (assigneeId, status) index applies. */
function openLoad(): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM "Grievance" g WHERE g."assigneeId" = u."id" AND g."status" = ANY(${OPEN}::"GrievanceStatus"[]))`;
}

/**
 * The active officer with jurisdiction over `wardId` who has the least open work, as a scalar subquery (uuid as
 * text); ties go to the officer who joined first, then by id, so the choice is deterministic. NULL: nobody covers
 * the ward (supervisors' queue).
 */
export function officerForWardSql(wardId: string | null): Prisma.Sql {
  if (!wardId) return Prisma.sql`NULL::text`;
  return Prisma.sql`(
    SELECT u."id"::text
    FROM "OfficerWard" ow JOIN "User" u ON u."id" = ow."userId"
    WHERE ow."wardId" = ${wardId}::uuid AND u."role" = 'OFFICER' AND u."disabledAt" IS NULL
    ORDER BY ${openLoad()} ASC, u."createdAt" ASC, u."id" ASC
    LIMIT 1)`;
}

/**
 * The supervisor an escalated grievance goes to: one with jurisdiction over its ward if any, else any active
 * supervisor; least open work first, then deterministic ties. Null when there is no supervisor at all.
 */
export async function pickSupervisor(tx: Tx, wardId: string | null): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT u."id"::text AS id
    FROM "User" u
    WHERE u."role" = 'SUPERVISOR' AND u."disabledAt" IS NULL
    ORDER BY EXISTS (SELECT 1 FROM "OfficerWard" ow WHERE ow."userId" = u."id" AND ow."wardId" = ${wardId}::uuid) DESC,
      ${openLoad()} ASC, u."createdAt" ASC, u."id" ASC
    LIMIT 1`;
  return rows[0]?.id ?? null;
}
