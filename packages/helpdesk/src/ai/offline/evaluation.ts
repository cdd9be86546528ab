import { OfflineClassifier } from "./classifier";
import { labelledGrievances } from "./data";
import type { LabelledGrievance } from "./data";
import { seededRandom, seededShuffle, stratifiedSplit } from "./split";

/** Fixed so that every run (and the README's number) uses the same held-out examples. */
export const EVALUATION_SEED = 20260401;
export const TEST_SHARE = 0.2;

export interface EvaluationReport {
  trainSize: number;
  testSize: number;
  accuracy: number;
  byLanguage: Record<string, { correct: number; total: number }>;
  byCategory: Record<string, { correct: number; total: number }>;
  mistakes: { text: string; expected: string; predicted: string }[];
}

function tally(
  table: Record<string, { correct: number; total: number }>,
  key: string,
  correct: boolean,
): void {
  const row = (table[key] ??= { correct: 0, total: 0 });
  row.total += 1;
  if (correct) row.correct += 1;
}

/** Trains on the seeded training part and scores the first category on the held-out part. */
export function evaluateOfflineClassifier(
  examples: readonly LabelledGrievance[] = labelledGrievances(),
): EvaluationReport {
  const { train, test } = stratifiedSplit(examples, TEST_SHARE, EVALUATION_SEED);
  const classifier = new OfflineClassifier(train);
  const labels = [...new Set(examples.map((example) => example.label))];
  const report: EvaluationReport = {
    trainSize: train.length,
    testSize: test.length,
    accuracy: 0,
    byLanguage: {},
    byCategory: {},
    mistakes: [],
  };
  let correct = 0;
  for (const example of test) {
    const predicted = classifier.classify(example.text, labels).categories[0] ?? "";
    const ok = predicted === example.label;
    if (ok) correct += 1;
    else report.mistakes.push({ text: example.text, expected: example.label, predicted });
    tally(report.byLanguage, example.language, ok);
    tally(report.byCategory, example.label, ok);
  }
  report.accuracy = correct / test.length;
  return report;
}

/** Mean first-category accuracy over k stratified folds of the whole set (each example tested once). */
export function crossValidateOfflineClassifier(
  folds = 5,
  examples: readonly LabelledGrievance[] = labelledGrievances(),
): number {
  const random = seededRandom(EVALUATION_SEED);
  const foldOf = new Map<LabelledGrievance, number>();
  const labels = [...new Set(examples.map((example) => example.label))];
  for (const label of labels) {
    const group = seededShuffle(
      examples.filter((example) => example.label === label),
      random,
    );
    group.forEach((example, index) => foldOf.set(example, index % folds));
  }
  let correct = 0;
  for (let fold = 0; fold < folds; fold += 1) {
    const classifier = new OfflineClassifier(
      examples.filter((example) => foldOf.get(example) !== fold),
    );
    for (const example of examples.filter((candidate) => foldOf.get(candidate) === fold)) {
      if (classifier.classify(example.text, labels).categories[0] === example.label) correct += 1;
    }
  }
  return correct / examples.length;
}
