import type { Db, Prisma } from "@sunuwai/db";
import { recordGrievanceEvent } from "../events";
import { lockGrievance } from "../services/load";
import { fingerprintOf, lastFingerprint, loadGrievanceText } from "./grievance-text";
import type { AiServices } from "./select";

export type EnrichOutcome = "recorded" | "unchanged" | "missing";

/**
 * `grievance.summarize`: one or two sentences in the grievance's language and in English. Produced again only
 * when what the citizen said changed (a follow-up answer, a transcript).
 */
export async function summarizeGrievance(
  db: Db,
  ai: AiServices,
  grievanceId: string,
): Promise<EnrichOutcome> {
  const input = await loadGrievanceText(db, grievanceId);
  const grievance = await db.grievance.findUnique({
    where: { id: grievanceId },
    select: { language: true },
  });
  if (!input || !grievance) return "missing";
  if ((await lastFingerprint(db, grievanceId, "SUMMARIZED")) === input.fingerprint)
    return "unchanged";
  const summary = await ai.engine.summarize(input.text, grievance.language);
  return db.$transaction(async (tx) => {
    const state = await lockGrievance(tx, grievanceId);
    if (!state) return "missing";
    if ((await lastFingerprint(tx, grievanceId, "SUMMARIZED")) === input.fingerprint)
      return "unchanged";
    await tx.grievance.update({
      where: { id: grievanceId },
      data: { summary: summary.summary, summaryEn: summary.summaryEn },
    });
    await recordGrievanceEvent(tx, state, {
      type: "SUMMARIZED",
      actor: { kind: "worker" },
      payload: {
        by: ai.engine.id,
        fingerprint: input.fingerprint,
        englishMissing: summary.summaryEn === null,
      },
    });
    return "recorded";
  });
}

/**
 * `grievance.translate`: the description in `targetLanguage`. The offline fallback cannot translate: it records
 * the grievance as untranslated (TRANSLATED event with `untranslated: true`, translatedText left empty).
 */
export async function translateGrievance(
  db: Db,
  ai: AiServices,
  grievanceId: string,
  targetLanguage: string,
): Promise<EnrichOutcome> {
  const grievance = await db.grievance.findUnique({
    where: { id: grievanceId },
    select: { description: true, language: true },
  });
  if (!grievance) return "missing";
  if (grievance.language === targetLanguage) return "unchanged";
  const fingerprint = fingerprintOf(`${targetLanguage}\n${grievance.description}`);
  if ((await lastFingerprint(db, grievanceId, "TRANSLATED")) === fingerprint) return "unchanged";
  const translation = await ai.engine.translate(
    grievance.description,
    grievance.language,
    targetLanguage,
  );
  return db.$transaction(async (tx) => {
    const state = await lockGrievance(tx, grievanceId);
    if (!state) return "missing";
    if ((await lastFingerprint(tx, grievanceId, "TRANSLATED")) === fingerprint) return "unchanged";
    await tx.grievance.update({
      where: { id: grievanceId },
      data: {
        translatedText: translation,
        translatedLanguage: translation === null ? null : targetLanguage,
      },
    });
    await recordGrievanceEvent(tx, state, {
      type: "TRANSLATED",
      actor: { kind: "worker" },
      payload: {
        by: ai.engine.id,
        fingerprint,
        to: targetLanguage,
        untranslated: translation === null,
      },
    });
    return "recorded";
  });
}

/**
 * `grievance.followUps`: asked once per grievance. Two or three questions when the description is too thin,
 * stored as `[{ id, question }]` for the chatbot; an empty list when it already says enough.
 */
export async function generateFollowUps(
  db: Db,
  ai: AiServices,
  grievanceId: string,
): Promise<EnrichOutcome> {
  const [input, grievance] = await Promise.all([
    loadGrievanceText(db, grievanceId),
    db.grievance.findUnique({
      where: { id: grievanceId },
      select: { language: true, categories: true, followUpQuestions: true },
    }),
  ]);
  if (!input || !grievance) return "missing";
  if (grievance.followUpQuestions !== null) return "unchanged";
  const questions = await ai.engine.followUps(input.text, grievance.language, grievance.categories);
  return db.$transaction(async (tx) => {
    const state = await lockGrievance(tx, grievanceId);
    if (!state) return "missing";
    const current = await tx.grievance.findUniqueOrThrow({
      where: { id: grievanceId },
      select: { followUpQuestions: true },
    });
    if (current.followUpQuestions !== null) return "unchanged";
    const stored: Prisma.InputJsonArray = questions
      .slice(0, 3)
      .map((question, index) => ({ id: `q${index + 1}`, question }));
    await tx.grievance.update({ where: { id: grievanceId }, data: { followUpQuestions: stored } });
    return "recorded";
  });
}
