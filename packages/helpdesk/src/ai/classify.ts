import type { ClassificationStatus, Db, Prisma, Tx } from "@sunuwai/db";
import { enqueueSql } from "@sunuwai/jobs";
import { recordGrievanceEvent, recordGrievanceEvents, EVENT_SUBJECT_SELECT } from "../events";
import type { NewGrievanceEvent } from "../events";
import { lockGrievance } from "../services/load";
import type { Attempt } from "./attempt";
import { describeFailure, isFinalAttempt } from "./attempt";
import { isSensitiveClassification } from "./categories";
import type { Classification } from "./engine";
import {
  followUpsData,
  isTranslationRecorded,
  produceEnrichment,
  summarizedEvent,
  summaryData,
  translatedEvent,
  translationData,
  translationTarget,
} from "./enrich";
import type { Enrichment } from "./enrich";
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

/** Queues the network engine's summary, translation and follow-ups as their own jobs, each retried on its own. */
async function enqueueEnrichment(tx: Tx, grievanceId: string, language: string) {
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
      { ...ref, targetLanguage: translationTarget(language) },
      { jobKey: `grievance.translate:${grievanceId}`, ...later },
    )} AS translate,
    ${enqueueSql("grievance.followUps", ref, {
      jobKey: `grievance.followUps:${grievanceId}`,
      ...later,
    })} AS follow_ups`;
}

/**
 * The offline engine's summary, translation and follow-ups, written with the classification: its update gains
 * their columns and its events are followed by SUMMARIZED and TRANSLATED (a translation already recorded for the
 * same description is not recorded again; a grievance never classified before has none).
 */
async function inlineEnrichment(
  tx: Tx,
  ai: AiServices,
  grievanceId: string,
  previously: ClassificationStatus,
  fingerprint: string,
  enrichment: Enrichment,
): Promise<{ data: Prisma.GrievanceUpdateInput; events: NewGrievanceEvent[] }> {
  const translate =
    previously === "PENDING" || !(await isTranslationRecorded(tx, grievanceId, enrichment.translation));
  return {
    data: {
      ...summaryData(enrichment.summary),
      ...(translate ? translationData(enrichment.translation) : {}),
      ...(enrichment.followUps ? followUpsData(enrichment.followUps) : {}),
    },
    events: [
      summarizedEvent(ai, fingerprint, enrichment.summary),
      ...(translate ? [translatedEvent(ai, enrichment.translation)] : []),
    ],
  };
}

async function recordClassification(
  tx: Tx,
  ai: AiServices,
  grievanceId: string,
  fingerprint: string,
  result: Classification,
  enrichment: Enrichment | null,
): Promise<ClassifyOutcome> {
  const state = await lockGrievance(tx, grievanceId);
  if (!state) return "missing";
  const skip = await reasonToSkip(tx, grievanceId, state.classificationStatus, fingerprint);
  if (skip) return skip;
  const sensitive = state.sensitive || isSensitiveClassification(result.categories);
  const inline = enrichment
    ? await inlineEnrichment(tx, ai, grievanceId, state.classificationStatus, fingerprint, enrichment)
    : null;
  const updated = await tx.grievance.update({
    where: { id: grievanceId },
    data: {
      categories: result.categories,
      classificationStatus: ai.engine.kind === "openai" ? "LLM_GENERATED" : "FALLBACK_GENERATED",
      classifiedBy: ai.engine.id,
      sensitive,
      ...inline?.data,
    },
    select: { ...EVENT_SUBJECT_SELECT, language: true },
  });
  await recordGrievanceEvents(tx, updated, [
    {
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
    },
    ...(inline?.events ?? []),
  ]);
  if (!inline) await enqueueEnrichment(tx, grievanceId, updated.language);
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
 * and stays in the queue for a person. Success brings the summary, translation and follow-up questions: the
 * offline engine makes them at once, in microseconds of local work, and they are written with the classification;
 * a network engine's are queued as three jobs that call the service and retry independently.
 */
export async function classifyGrievance(
  db: Db,
  ai: AiServices,
  grievanceId: string,
  attempt: Attempt,
): Promise<ClassifyOutcome> {
  const input = await loadGrievanceText(db, grievanceId);
  if (!input) return "missing";
  const skip = await reasonToSkip(db, grievanceId, input.classificationStatus, input.fingerprint);
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
  const enrichment =
    ai.engine.kind === "offline" ? await produceEnrichment(ai, input, result.categories) : null;
  return db.$transaction((tx) =>
    recordClassification(tx, ai, grievanceId, input.fingerprint, result, enrichment),
  );
}
