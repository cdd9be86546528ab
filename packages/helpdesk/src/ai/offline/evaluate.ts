import {
  crossValidateOfflineClassifier,
  evaluateOfflineClassifier,
  EVALUATION_SEED,
  TEST_SHARE,
} from "./evaluation";

const percent = (correct: number, total: number) =>
  `${((100 * correct) / total).toFixed(1)}% (${correct}/${total})`;

const report = evaluateOfflineClassifier();
console.log(
  `Offline grievance classifier — held-out ${TEST_SHARE * 100}% split, seed ${EVALUATION_SEED}`,
);
console.log(`train ${report.trainSize} examples, test ${report.testSize} examples`);
console.log(
  `accuracy (first category): ${percent(Math.round(report.accuracy * report.testSize), report.testSize)}`,
);
console.log(
  `5-fold cross-validation over all ${report.trainSize + report.testSize} examples: ${(100 * crossValidateOfflineClassifier(5)).toFixed(1)}%`,
);
for (const [language, row] of Object.entries(report.byLanguage))
  console.log(`  ${language}: ${percent(row.correct, row.total)}`);
for (const [category, row] of Object.entries(report.byCategory))
  console.log(`  ${category}: ${percent(row.correct, row.total)}`);
if (report.mistakes.length > 0) {
  console.log("misclassified:");
  for (const mistake of report.mistakes)
    console.log(`  [${mistake.expected} → ${mistake.predicted}] ${mistake.text}`);
}
