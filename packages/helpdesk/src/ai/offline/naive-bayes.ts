export interface LabelledText {
  label: string;
  text: string;
}

/** Multinomial naive Bayes over weighted features with additive (Lidstone) smoothing. */
export class NaiveBayes {
  private readonly docCounts = new Map<string, number>();
  private readonly featureCounts = new Map<string, Map<string, number>>();
  private readonly featureTotals = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private documents = 0;

  constructor(
    private readonly extract: (text: string) => Map<string, number>,
    private readonly smoothing = 1,
  ) {}

  train(examples: readonly LabelledText[]): this {
    for (const { label, text } of examples) {
      this.documents += 1;
      this.docCounts.set(label, (this.docCounts.get(label) ?? 0) + 1);
      let counts = this.featureCounts.get(label);
      if (!counts) {
        counts = new Map();
        this.featureCounts.set(label, counts);
      }
      for (const [feature, weight] of this.extract(text)) {
        counts.set(feature, (counts.get(feature) ?? 0) + weight);
        this.featureTotals.set(label, (this.featureTotals.get(label) ?? 0) + weight);
        this.vocabulary.add(feature);
      }
    }
    return this;
  }

  /** log P(label) + Σ weight · log P(feature | label) per label; features never seen in training are ignored. */
  logScores(text: string): Map<string, number> {
    const seen = [...this.extract(text)].filter(([feature]) => this.vocabulary.has(feature));
    const scores = new Map<string, number>();
    for (const [label, docs] of this.docCounts) {
      const counts = this.featureCounts.get(label) ?? new Map<string, number>();
      const denominator =
        (this.featureTotals.get(label) ?? 0) + this.smoothing * this.vocabulary.size;
      let score = Math.log(docs / this.documents);
      for (const [feature, weight] of seen)
        score += weight * Math.log(((counts.get(feature) ?? 0) + this.smoothing) / denominator);
      scores.set(label, score);
    }
    return scores;
  }
}

/** Turns log scores into probabilities that sum to 1 (log-sum-exp for numerical safety). */
export function softmax(logScores: Map<string, number>): Map<string, number> {
  const max = Math.max(...logScores.values());
  let sum = 0;
  const exps = new Map<string, number>();
  for (const [label, score] of logScores) {
    const value = Math.exp(score - max);
    exps.set(label, value);
    sum += value;
  }
  return new Map([...exps].map(([label, value]) => [label, value / sum]));
}
