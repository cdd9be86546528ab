import { CATEGORY_KEYWORDS } from "./keywords";
import { NaiveBayes, softmax } from "./naive-bayes";
import type { LabelledText } from "./naive-bayes";
import { features, normaliseText, words } from "./tokenize";

/** Recorded as `classifiedBy` ("offline:nb-1"); bump when the model, features or data change. */
export const OFFLINE_CLASSIFIER_VERSION = "nb-1";

export interface OfflineClassifierOptions {
  /** Additive smoothing of the naive Bayes counts. */
  smoothing: number;
  /** Log-odds added to a category per distinct keyword of it found in the text. */
  keywordBoost: number;
  maxKeywordHits: number;
}

/** Chosen by 5-fold cross-validation on the training part only (never on the held-out part). */
export const DEFAULT_OPTIONS: OfflineClassifierOptions = {
  smoothing: 1,
  keywordBoost: 4,
  maxKeywordHits: 3,
};
/** A second category is reported when it is at least this probable. */
const SECONDARY_THRESHOLD = 0.3;

export interface OfflineClassification {
  categories: string[];
  /** Probability of the first category. */
  confidence: number;
}

function keywordHits(text: string, keywords: readonly string[], max: number): number {
  const tokens = words(text);
  const joined = ` ${tokens.join(" ")} `;
  let hits = 0;
  for (const keyword of keywords) {
    const key = normaliseText(keyword);
    const found = key.includes(" ")
      ? joined.includes(` ${key}`)
      : tokens.some((token) => token.startsWith(key));
    if (found) hits += 1;
  }
  return Math.min(hits, max);
}

/** Naive Bayes over words and character n-grams, with a keyword prior added to each category's log odds. */
export class OfflineClassifier {
  private readonly model: NaiveBayes;

  constructor(
    examples: readonly LabelledText[],
    private readonly options: OfflineClassifierOptions = DEFAULT_OPTIONS,
  ) {
    this.model = new NaiveBayes(features, options.smoothing).train(examples);
  }

  probabilities(text: string): Map<string, number> {
    const scores = this.model.logScores(text);
    for (const [label, score] of scores) {
      const hits = keywordHits(text, CATEGORY_KEYWORDS[label] ?? [], this.options.maxKeywordHits);
      scores.set(label, score + this.options.keywordBoost * hits);
    }
    return softmax(scores);
  }

  /** Most probable category first; only categories in `allowed` are returned (the configured list). */
  classify(text: string, allowed: readonly string[]): OfflineClassification {
    const ranked = [...this.probabilities(text)]
      .filter(([label]) => allowed.includes(label))
      .sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first)
      return {
        categories: [allowed.includes("Other") ? "Other" : (allowed[0] ?? "Other")],
        confidence: 0,
      };
    const categories = [first[0]];
    if (second && second[1] >= SECONDARY_THRESHOLD) categories.push(second[0]);
    return { categories, confidence: Math.round(first[1] * 1000) / 1000 };
  }
}
