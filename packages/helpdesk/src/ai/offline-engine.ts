import type { AiEngine } from "./engine";
import {
  extractiveSummary,
  getOfflineClassifier,
  OFFLINE_CLASSIFIER_VERSION,
  offlineFollowUps,
} from "./offline";

/**
 * The fallback without an OpenAI key: the shipped naive Bayes classifier, an extractive summary in the
 * grievance's own language, template follow-up questions, and no translation.
 */
export function createOfflineEngine(): AiEngine {
  return {
    kind: "offline",
    id: `offline:${OFFLINE_CLASSIFIER_VERSION}`,
    classify: (text, categories) =>
      Promise.resolve(getOfflineClassifier().classify(text, categories)),
    summarize: (text, language) => {
      const summary = extractiveSummary(text);
      return Promise.resolve({ summary, summaryEn: language.startsWith("en") ? summary : null });
    },
    translate: () => Promise.resolve(null),
    followUps: (text, language, categories) =>
      Promise.resolve(offlineFollowUps(text, language, categories[0] ?? "Other")),
  };
}
