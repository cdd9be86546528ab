import { createHash } from "node:crypto";
import type { ClassificationStatus, Db, Prisma, Tx } from "@sunuwai/db";
import { parseFollowUps } from "../services/detail";

export interface GrievanceText {
  /** What the AI reads: the description, answered follow-up questions and voice-note transcripts. */
  text: string;
  /** Short hash of `text`: a result recorded for the same fingerprint is not produced again. */
  fingerprint: string;
  /** The grievance as it stands, read in the same query: what the AI tasks decide on before they run. */
  description: string;
  language: string;
  categories: string[];
  classificationStatus: ClassificationStatus;
  followUpQuestions: Prisma.JsonValue;
}

export function fingerprintOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Everything the citizen has told us so far, as one text, in the order they said it. */
export async function loadGrievanceText(
  db: Db | Tx,
  grievanceId: string,
): Promise<GrievanceText | null> {
  const grievance = await db.grievance.findUnique({
    where: { id: grievanceId },
    select: {
      description: true,
      language: true,
      categories: true,
      classificationStatus: true,
      followUpQuestions: true,
      attachments: {
        where: { transcript: { not: null } },
        select: { transcript: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!grievance) return null;
  const parts = [grievance.description.trim()];
  for (const question of parseFollowUps(grievance.followUpQuestions)) {
    if (question.answer) parts.push(`${question.question}\n${question.answer.trim()}`);
  }
  for (const attachment of grievance.attachments) {
    if (attachment.transcript) parts.push(attachment.transcript.trim());
  }
  const text = parts.filter((part) => part.length > 0).join("\n\n");
  return {
    text,
    fingerprint: fingerprintOf(text),
    description: grievance.description,
    language: grievance.language,
    categories: grievance.categories,
    classificationStatus: grievance.classificationStatus,
    followUpQuestions: grievance.followUpQuestions,
  };
}

/** The fingerprint recorded on the newest event of `type` for this grievance, if any. */
export async function lastFingerprint(
  tx: Tx,
  grievanceId: string,
  type: "CLASSIFIED" | "SUMMARIZED" | "TRANSLATED",
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ fingerprint: string | null }[]>`
    SELECT payload->>'fingerprint' AS fingerprint FROM "GrievanceEvent"
    WHERE "grievanceId" = ${grievanceId}::uuid AND type = ${type}::"GrievanceEventType"
    ORDER BY id DESC LIMIT 1`;
  return rows[0]?.fingerprint ?? null;
}
