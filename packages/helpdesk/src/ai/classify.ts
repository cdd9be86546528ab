import type { ClassificationStatus, Db, Tx } from "@sunuwai/db";
import { enqueueSql } from "@sunuwai/jobs";
import { recordGrievanceEvent, EVENT_SUBJECT_SELECT } from "../events";
import { lockGrievance } from "../services/load";
import type { Attempt } from "./attempt";
import { describeFailure, isFinalAttempt } from "./attempt";
import { isSensitiveClassification } from "./categories";
import type { Classification } from "./engine";
import { lastFingerprint, loadGrievanceText } from "./grievance-text";
import type { AiServices } from "./select";

export type ClassifyOutcome =
  "classified" | "failed" | "unchanged" | "confirmed_by_person" | "missing";

const CONFIRMED_BY_PERSON: readonly ClassificationStatus[] = [
  "OFFICER_CONFIRMED",
  "COMPLAINANT_CONFIRMED",
];
const MACHINE_CLASSIFIED: readonly ClassificationStatus[] = ["LLM_GENERATED", "FALLBACK_GENERATED"];

/** graphile-worker runs lower numbers first; classification and notifications keep the default 0. */
export const ENRICHMENT_PRIORITY = 10;

/** Translation goes to the other language of the helpdesk: Nepali ↔ English. */
export function translationTarget(language: string): string {
  return language === "en" ? "ne" : "en";
}

/** Why classification should not run now, or null when it should (checked again under the row lock). */
async function reasonToSkip(
  tx: Tx | Db,
  grievanceId: string,
  status: ClassificationStatus,
  fingerprint: string,
): Promise<ClassifyOutcome | null> {
  if (CONFIRMED_BY_PERSON.includes(status)) return "confirmed_by_person";
  if (
    MACHINE_CLASSIFIED.includes(status) &&
    (await lastFingerprint(tx, grievanceId, "CLASSIFIED")) === fingerprint
  )
    return "unchanged";
  return null;
}

async function recordClassification(
  tx: Tx,
  ai: AiServices,
  grievanceId: string,
  fingerprint: string,
  result: Classification,
): Promise<ClassifyOutcome> {
  const state = await lockGrievance(tx, grievanceId);
  if (!state) return "missing";
  const skip = await reasonToSkip(tx, grievanceId, state.classificationStatus, fingerprint);
  if (skip) return skip;
  const sensitive = state.sensitive || isSensitiveClassification(result.categories);
  const updated = await tx.grievance.update({
    where: { id: grievanceId },
    data: {
      categories: result.categories,
      classificationStatus: ai.engine.kind === "openai" ? "LLM_GENERATED" : "FALLBACK_GENERATED",
      classifiedBy: ai.engine.id,
      sensitive,
    },
    select: { ...EVENT_SUBJECT_SELECT, language: true },
  });
  await recordGrievanceEvent(tx, updated, {
    type: "CLASSIFIED",
    actor: { kind: "worker" },
    live: "classification_complete",
    payload: {
      categories: result.categories,
      confidence: result.confidence,
      by: ai.engine.id,
      fingerprint,
      sensitive,
    },
  });
  const ref = { grievanceId };
  // Behind the classifications and messages people are waiting for when the worker is busy; one round trip
  // for the three, while the grievance's row is locked.
  const later = { priority: ENRICHMENT_PRIORITY };
  await tx.$queryRaw`
    SELECT 1 FROM ${enqueueSql("grievance.summarize", ref, {
      jobKey: `grievance.summarize:${grievanceId}`,
      ...later,
    })} AS summarize,
    ${enqueueSql(
      "grievance.translate",
      { ...ref, targetLanguage: translationTarget(updated.language) },
      { jobKey: `grievance.translate:${grievanceId}`, ...later },
    )} AS translate,
    ${enqueueSql("grievance.followUps", ref, {
      jobKey: `grievance.followUps:${grievanceId}`,
      ...later,
    })} AS follow_ups`;
  return "classified";
}

async function recordFailure(
  tx: Tx,
  ai: AiServices,
  grievanceId: string,
  fingerprint: string,
  error: unknown,
  attempt: Attempt,
): Promise<ClassifyOutcome> {
  const state = await lockGrievance(tx, grievanceId);
  if (!state) return "missing";
  const skip = await reasonToSkip(tx, grievanceId, state.classificationStatus, fingerprint);
  if (skip) return skip;
  await tx.grievance.update({
    where: { id: grievanceId },
    data: { classificationStatus: "LLM_FAILED", classifiedBy: ai.engine.id },
  });
  await recordGrievanceEvent(tx, state, {
    type: "CLASSIFICATION_FAILED",
    actor: { kind: "worker" },
    live: "classification_complete",
    payload: {
      by: ai.engine.id,
      fingerprint,
      attempts: attempt.attempts,
      error: describeFailure(error),
    },
  });
  return "failed";
}

/**
 * Classifies what the citizen has said so far (`grievance.classify`). Idempotent: a classification already
 * recorded for the same text, or one a person confirmed, is left alone (checked under the grievance's row lock).
 * A failing service is retried by graphile-worker; after the last attempt the grievance is marked LLM_FAILED
 * and stays in the queue for a person. Success queues the summary, translation and follow-up questions.
 */
export async function classifyGrievance(
  db: Db,
  ai: AiServices,
  grievanceId: string,
  attempt: Attempt,
): Promise<ClassifyOutcome> {
  const [input, current] = await Promise.all([
    loadGrievanceText(db, grievanceId),
    db.grievance.findUnique({ where: { id: grievanceId }, select: { classificationStatus: true } }),
  ]);
  if (!input || !current) return "missing";
  const skip = await reasonToSkip(db, grievanceId, current.classificationStatus, input.fingerprint);
  if (skip) return skip;
  let result: Classification;
  try {
    result = await ai.engine.classify(input.text, ai.categories);
  } catch (error) {
    if (!isFinalAttempt(attempt)) throw error;
    return db.$transaction((tx) =>
      recordFailure(tx, ai, grievanceId, input.fingerprint, error, attempt),
    );
  }
  return db.$transaction((tx) =>
    recordClassification(tx, ai, grievanceId, input.fingerprint, result),
  );
}
