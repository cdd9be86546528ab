import type { AlertKind, Severity } from "@sunuwai/db";

/** An alert a detector wants raised; stored unless its dedupe key already exists. */
export interface AlertCandidate {
  kind: AlertKind;
  severity: Severity;
  /** One line for analysts. */
  reason: string;
  /** kind + ward + subject + day: the same alert is never raised twice. */
  dedupeKey: string;
  wardId: string;
  savedAlertId: string | null;
  /** YYYY-MM-DD the evidence is taken from. */
  day: string;
  /** Which of the day's posts are evidence. */
  evidence: EvidenceFilter;
  details: Record<string, unknown>;
}

export type EvidenceFilter =
  | { kind: "day" }
  | { kind: "topic"; topic: string }
  | { kind: "negativeParty"; party: string }
  | { kind: "keywords"; keywords: string[] };

/** Days evaluated per ward after an ingestion: the newest this many of the days it touched. */
export const ALERT_RECENT_DAYS = 7;
/** Trailing window of the baselines. */
export const BASELINE_DAYS = 28;
/** Posts kept as evidence per alert. */
export const EVIDENCE_LIMIT = 20;

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
