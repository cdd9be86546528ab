import type { WordList } from "../text/words";

/** What the ingestion asks of an analyser for each new article. */
export interface AnalysisInput {
  title: string;
  body: string;
  /** Language code from the source line, when given (`en`, `ne`, `hi`, `te`). */
  language: string | null;
  /** Country of the article's ward (`NP`, `IN`), when known; scopes ambiguous party names. */
  country: string | null;
  /** Party named by the source line, if any. */
  party: string | null;
  /** The title and body already split into match-form words (see `WordList`), for analysers that read words. */
  words?: { title: WordList; body: WordList };
}

export interface ArticleAnalysis {
  /** -1 (negative) … 1 (positive). */
  sentiment: number;
  /** Topic ids, strongest first. */
  topics: string[];
  /** The party the article is about: the source's own label, else the one it mentions most; null if none. */
  party: string | null;
}

/**
 * The seam between ingestion and whatever reads the articles. The offline lexicon analyser ships in the repo; an
 * LLM-backed one (OpenAI, same configuration as the helpdesk) implements the same interface, and `id` is recorded
 * on every post as `analysedBy`.
 */
export interface PostAnalyser {
  /** "lexicon:v1", "openai:<model>". */
  readonly id: string;
  /** One result per input, in order. Called with a few dozen new articles at a time. */
  analyse(articles: readonly AnalysisInput[]): Promise<ArticleAnalysis[]>;
}

/** A post at or below this sentiment counts as negative in the rollup and alerts. */
export const NEGATIVE_SENTIMENT = -0.25;
