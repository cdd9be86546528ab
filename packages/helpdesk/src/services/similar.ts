import { Prisma } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import type { GrievanceStatusValue, SimilarGrievance } from "@sunuwai/validators";
import { assertHelpdeskStaff } from "../access/actor";
import type { StaffActor } from "../access/actor";
import { canSeeGrievance, grievanceNotFound, visibleGrievanceSql } from "../access/visibility";
import { isUuid } from "./load";
import { excerpt } from "./queue";

/** pg_trgm similarity (0–1) a description must reach to be suggested. */
export const SIMILARITY_THRESHOLD = 0.3;
/** Only the ward's most recent grievances are compared: duplicates are recent, and the cost stays bounded. */
const CANDIDATES = 500;
const SUGGESTED_STATUSES: GrievanceStatusValue[] = [
  "SUBMITTED",
  "UNDER_EVALUATION",
  "ESCALATED",
  "DISPUTED",
  "RESOLVED",
];

/**
 * Up to `limit` open or resolved grievances in the same ward whose descriptions are most alike (pg_trgm
 * similarity over the ward's 500 most recent), as suggestions for the officer. Nothing is merged. With `actor`,
 * only grievances they may see.
 */
export async function findSimilarGrievances(
  db: Db,
  grievanceId: string,
  options: { actor?: StaffActor; limit?: number; threshold?: number } = {},
): Promise<SimilarGrievance[]> {
  if (!isUuid(grievanceId)) return [];
  const visible = options.actor ? visibleGrievanceSql(options.actor, "g") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<
    {
      id: string;
      reference: string;
      status: GrievanceStatusValue;
      summary: string | null;
      description: string;
      similarity: number;
      createdAt: Date;
    }[]
  >`
    WITH src AS (SELECT "id", "description", "wardId" FROM "Grievance" WHERE "id" = ${grievanceId}::uuid),
    candidates AS (
      SELECT g."id", g."reference", g."status", g."summary", g."description", g."createdAt"
      FROM "Grievance" g JOIN src ON g."wardId" = src."wardId" AND g."id" <> src."id"
      WHERE g."status"::text = ANY(${SUGGESTED_STATUSES}::text[]) AND ${visible}
      ORDER BY g."createdAt" DESC
      LIMIT ${CANDIDATES}
    )
    SELECT c."id"::text AS id, c."reference", c."status"::text AS status, c."summary", c."description",
      similarity(c."description", src."description")::float8 AS similarity, c."createdAt"
    FROM candidates c CROSS JOIN src
    WHERE similarity(c."description", src."description") >= ${options.threshold ?? SIMILARITY_THRESHOLD}
    ORDER BY similarity DESC, c."createdAt" DESC
    LIMIT ${options.limit ?? 3}`;
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    excerpt: excerpt(row.summary ?? row.description),
    similarity: Math.round(row.similarity * 1000) / 1000,
    createdAt: row.createdAt,
  }));
}

/** The staff-facing form: the grievance itself must be visible to the actor, and so must each suggestion. */
export async function suggestSimilarGrievances(
  db: Db,
  actor: StaffActor,
  grievanceId: string,
): Promise<SimilarGrievance[]> {
  assertHelpdeskStaff(actor);
  const grievance = isUuid(grievanceId)
    ? await db.grievance.findUnique({
        where: { id: grievanceId },
        select: { wardId: true, assigneeId: true, sensitive: true, categories: true },
      })
    : null;
  if (!grievance || !canSeeGrievance(actor, grievance)) throw grievanceNotFound();
  return findSimilarGrievances(db, grievanceId, { actor });
}
