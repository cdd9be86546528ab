import type { Db, Prisma, Tx } from "@sunuwai/db";
import { recordGrievanceEvent } from "../events";
import type { NewGrievanceEvent } from "../events";
import { lockGrievance } from "../services/load";
import type { Summary } from "./engine";
import { fingerprintOf, lastFingerprint, loadGrievanceText } from "./grievance-text";
import type { GrievanceText } from "./grievance-text";
import type { AiServices } from "./select";

export type EnrichOutcome = "recorded" | "unchanged" | "missing";

/** Translation goes to the other language of the helpdesk: Nepali ↔ English. */
export function translationTarget(language: string): string {
  return language === "en" ? "ne" : "en";
}

/** A translation as it is recorded: the text (null when the engine cannot translate) and what it was made from. */
export interface Translation {
  to: string;
  text: string | null;
  fingerprint: string;
}

/** The summary, translation and follow-up questions the engine produced for one text, ready to be written. */
export interface Enrichment {
  summary: Summary;
  translation: Translation;
  /** Null when the grievance already has its questions (they are asked once). */
  followUps: string[] | null;
}

function translationFingerprint(description: string, to: string): string {
  return fingerprintOf(`${to}\n${description}`);
}

/** Everything the engine adds to a classified grievance, produced outside any transaction. */
export async function produceEnrichment(
  ai: AiServices,
  input: GrievanceText,
  categories: readonly string[],
): Promise<Enrichment> {
  const to = translationTarget(input.language);
  const [summary, translated, followUps] = await Promise.all([
    ai.engine.summarize(input.text, input.language),
    ai.engine.translate(input.description, input.language, to),
    input.followUpQuestions === null
      ? ai.engine.followUps(input.text, input.language, categories)
      : Promise.resolve(null),
  ]);
  return {
    summary,
    translation: { to, text: translated, fingerprint: translationFingerprint(input.description, to) },
    followUps,
  };
}

export function summaryData(summary: Summary): Prisma.GrievanceUpdateInput {
  return { summary: summary.summary, summaryEn: summary.summaryEn };
}

export function summarizedEvent(ai: AiServices, fingerprint: string, summary: Summary): NewGrievanceEvent {
  return {
    type: "SUMMARIZED",
    actor: { kind: "worker" },
    payload: { by: ai.engine.id, fingerprint, englishMissing: summary.summaryEn === null },
  };
}

export function translationData(translation: Translation): Prisma.GrievanceUpdateInput {
  return {
    translatedText: translation.text,
    translatedLanguage: translation.text === null ? null : translation.to,
  };
}

/** The offline engine records the grievance as untranslated (`untranslated: true`, translatedText left empty). */
export function translatedEvent(ai: AiServices, translation: Translation): NewGrievanceEvent {
  return {
    type: "TRANSLATED",
    actor: { kind: "worker" },
    payload: {
      by: ai.engine.id,
      fingerprint: translation.fingerprint,
      to: translation.to,
      untranslated: translation.text === null,
    },
  };
}

/** Stored as `[{ id, question }]` for the chatbot, at most three. */
export function followUpsData(questions: readonly string[]): Prisma.GrievanceUpdateInput {
  const stored: Prisma.InputJsonArray = questions
    .slice(0, 3)
    .map((question, index) => ({ id: `q${index + 1}`, question }));
  return { followUpQuestions: stored };
}

/** Whether a translation made from the same description to the same language is already recorded. */
export async function isTranslationRecorded(
  tx: Tx | Db,
  grievanceId: string,
  translation: Translation,
): Promise<boolean> {
  return (await lastFingerprint(tx, grievanceId, "TRANSLATED")) === translation.fingerprint;
}

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
  if (!input) return "missing";
  if ((await lastFingerprint(db, grievanceId, "SUMMARIZED")) === input.fingerprint)
    return "unchanged";
  const summary = await ai.engine.summarize(input.text, input.language);
  return db.$transaction(async (tx) => {
    const state = await lockGrievance(tx, grievanceId);
    if (!state) return "missing";
    if ((await lastFingerprint(tx, grievanceId, "SUMMARIZED")) === input.fingerprint)
      return "unchanged";
    await tx.grievance.update({ where: { id: grievanceId }, data: summaryData(summary) });
    await recordGrievanceEvent(tx, state, summarizedEvent(ai, input.fingerprint, summary));
    return "recorded";
  });
}

/** `grievance.translate`: the description in `targetLanguage`. */
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
  const pending: Translation = {
    to: targetLanguage,
    text: null,
    fingerprint: translationFingerprint(grievance.description, targetLanguage),
  };
  if (await isTranslationRecorded(db, grievanceId, pending)) return "unchanged";
  const translation: Translation = {
    ...pending,
    text: await ai.engine.translate(grievance.description, grievance.language, targetLanguage),
  };
  return db.$transaction(async (tx) => {
    const state = await lockGrievance(tx, grievanceId);
    if (!state) return "missing";
    if (await isTranslationRecorded(tx, grievanceId, translation)) return "unchanged";
    await tx.grievance.update({ where: { id: grievanceId }, data: translationData(translation) });
    await recordGrievanceEvent(tx, state, translatedEvent(ai, translation));
    return "recorded";
  });
}

/**
 * `grievance.followUps`: asked once per grievance. Two or three questions when the description is too thin,
 * stored for the chatbot; an empty list when it already says enough.
 */
export async function generateFollowUps(
  db: Db,
  ai: AiServices,
  grievanceId: string,
): Promise<EnrichOutcome> {
  const input = await loadGrievanceText(db, grievanceId);
  if (!input) return "missing";
  if (input.followUpQuestions !== null) return "unchanged";
  const questions = await ai.engine.followUps(input.text, input.language, input.categories);
  return db.$transaction(async (tx) => {
    const state = await lockGrievance(tx, grievanceId);
    if (!state) return "missing";
    const current = await tx.grievance.findUniqueOrThrow({
      where: { id: grievanceId },
      select: { followUpQuestions: true },
    });
    if (current.followUpQuestions !== null) return "unchanged";
    await tx.grievance.update({ where: { id: grievanceId }, data: followUpsData(questions) });
    return "recorded";
  });
}
