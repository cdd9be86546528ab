import { OfflineClassifier } from "./classifier";
import { labelledGrievances } from "./data";

export { OfflineClassifier, OFFLINE_CLASSIFIER_VERSION } from "./classifier";
export type { OfflineClassification } from "./classifier";
export { evaluateOfflineClassifier } from "./evaluation";
export { extractiveSummary } from "./summary";
export { offlineFollowUps, isThinDescription } from "./follow-ups";

let trained: OfflineClassifier | undefined;

/** The classifier trained on every shipped example (a few milliseconds, once per process). */
export function getOfflineClassifier(): OfflineClassifier {
  trained ??= new OfflineClassifier(labelledGrievances());
  return trained;
}
