import { CATEGORY_KEYWORDS } from "./keywords";
import { NaiveBayes, softmax } from "./naive-bayes";
import type { LabelledText } from "./naive-bayes";
import { features, normaliseText, words } from "./tokenize";

/** Recorded as `classifiedBy` ("offline:nb-1"); bump when the model, features or data change. */
export const OFFLINE_CLASSIFIER_VERSION = "nb-1";

/** Each distinct keyword of a category found in the text multiplies that category's odds by this much. */
const KEYWORD_BOOST = Math.log(3);
const MAX_KEYWORD_HITS = 3;
/** A second category is reported when it is at least this probable. */
const SECONDARY_THRESHOLD = 0.3;

export interface OfflineClassification {
  categories: string[];
  /** Probability of the first category. */
  confidence: number;
}

function keywordHits(text: string, keywords: readonly string[]): number {
  const tokens = words(text);
  const joined = ` ${tokens.join(" ")} `;
  let hits = 0;
  for (const keyword of keywords) {
    const key = normaliseText(keyword);
    const found = key.includes(" ") ? joined.includes(` ${key}`) : tokens.some((token) => token.startsWith(key));
    if (found) hits += 1;
  }
  return Math.min(hits, MAX_KEYWORD_HITS);
}

/** Naive Bayes over words and character n-grams, with a keyword prior added to each category's log odds. */
export class OfflineClassifier {
  private readonly model: NaiveBayes;

  constructor(examples: readonly LabelledText[]) {
    this.model = new NaiveBayes(features).train(examples);
  }

  probabilities(text: string): Map<string, number> {
    const scores = this.model.logScores(text);
    for (const [label, score] of scores) {
      scores.set(label, score + KEYWORD_BOOST * keywordHits(text, CATEGORY_KEYWORDS[label] ?? []));
    }
    return softmax(scores);
  }

  /** Most probable category first; only categories in `allowed` are returned (the configured list). */
  classify(text: string, allowed: readonly string[]): OfflineClassification {
    const ranked = [...this.probabilities(text)].filter(([label]) => allowed.includes(label)).sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first) return { categories: [allowed.includes("Other") ? "Other" : (allowed[0] ?? "Other")], confidence: 0 };
    const categories = [first[0]];
    if (second && second[1] >= SECONDARY_THRESHOLD) categories.push(second[0]);
    return { categories, confidence: Math.round(first[1] * 1000) / 1000 };
  }
}
