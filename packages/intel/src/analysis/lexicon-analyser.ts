import { tokenize } from "../text/tokens";
import { PhraseMatcher } from "../text/phrase-matcher";
import type { AnalysisInput, ArticleAnalysis, PostAnalyser } from "./analyser";
import { PARTIES } from "./lexicon/parties";
import { SENTIMENT_LEXICON } from "./lexicon/sentiment";
import { TOPIC_KEYWORDS } from "./lexicon/topics";

type SentimentTag = { kind: "polar"; polarity: 1 | -1 } | { kind: "negator"; scope: "before" | "after" };

/** How far (in words) a negator reaches for the sentiment word it flips. */
const NEGATION_REACH = 3;
const MAX_TOPICS = 3;
/** Topic score: a headline word counts twice; a topic needs a score of 2 (one headline word or two body words). */
const TOPIC_TITLE_WEIGHT = 2;
const TOPIC_MIN_SCORE = 2;

function buildSentimentMatcher(): PhraseMatcher<SentimentTag> {
  const matcher = new PhraseMatcher<SentimentTag>();
  const seen = new Set<string>();
  const add = (word: string, tag: SentimentTag) => {
    const key = tokenize(word).join(" ");
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    matcher.add(key, tag);
  };
  for (const language of Object.values(SENTIMENT_LEXICON)) {
    for (const word of language.negators) add(word, { kind: "negator", scope: language.negatorScope });
    for (const word of language.positive) add(word, { kind: "polar", polarity: 1 });
    for (const word of language.negative) add(word, { kind: "polar", polarity: -1 });
  }
  return matcher;
}

function buildTopicMatcher(): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  for (const [topic, words] of Object.entries(TOPIC_KEYWORDS)) for (const word of words) matcher.add(word, topic);
  return matcher;
}

/** Spelling → party, for one country or (key "*") for articles of unknown country without ambiguous spellings. */
function buildPartyMatchers(): Map<string, PhraseMatcher<string>> {
  const byScope = new Map<string, Map<string, Set<string>>>();
  const claim = (scope: string, key: string, party: string) => {
    const spellings = byScope.get(scope) ?? new Map<string, Set<string>>();
    const parties = spellings.get(key) ?? new Set<string>();
    parties.add(party);
    spellings.set(key, parties);
    byScope.set(scope, spellings);
  };
  for (const party of PARTIES) {
    for (const alias of party.aliases) {
      const key = tokenize(alias).join(" ");
      claim(party.country, key, party.name);
      claim("*", key, party.name);
    }
  }
  const matchers = new Map<string, PhraseMatcher<string>>();
  for (const [scope, spellings] of byScope) {
    const matcher = new PhraseMatcher<string>();
    for (const [key, parties] of spellings) {
      const [only] = parties;
      if (parties.size === 1 && only) matcher.add(key, only);
    }
    matchers.set(scope, matcher);
  }
  return matchers;
}

/** Score in -1 … 1: (positive − negative) / (positive + negative + 1), after negation. */
export function scoreSentiment(tokens: readonly string[], matcher: PhraseMatcher<SentimentTag>): number {
  const hits = matcher.findAll(tokens);
  const polarities = hits.map((hit) => (hit.value.kind === "polar" ? hit.value.polarity : 0));
  hits.forEach((hit, index) => {
    if (hit.value.kind !== "negator") return;
    // Flip the nearest sentiment word in the negator's direction (English "not good"; Nepali "राम्रो छैन").
    const step = hit.value.scope === "before" ? 1 : -1;
    for (let j = index + step; j >= 0 && j < hits.length; j += step) {
      const other = hits[j];
      if (!other) break;
      const distance = step === 1 ? other.start - hit.end : hit.start - other.end;
      if (distance >= NEGATION_REACH) break;
      if (other.value.kind === "polar") {
        polarities[j] = -(polarities[j] ?? 0);
        break;
      }
    }
  });
  let positive = 0;
  let negative = 0;
  for (const polarity of polarities) {
    if (polarity > 0) positive++;
    else if (polarity < 0) negative++;
  }
  return (positive - negative) / (positive + negative + 1);
}

/** The offline analyser: curated lexicons, negation, topic keywords, party spellings. Deterministic. */
export class LexiconAnalyser implements PostAnalyser {
  readonly id = "lexicon:v1";
  private readonly sentiment = buildSentimentMatcher();
  private readonly topics = buildTopicMatcher();
  private readonly parties = buildPartyMatchers();
  private readonly partyNames = new Map(PARTIES.map((party) => [party.name.toLowerCase(), party.name]));

  analyse(articles: readonly AnalysisInput[]): Promise<ArticleAnalysis[]> {
    return Promise.resolve(articles.map((article) => this.analyseOne(article)));
  }

  analyseOne(article: AnalysisInput): ArticleAnalysis {
    const titleTokens = tokenize(article.title);
    const bodyTokens = tokenize(article.body);
    const sentiment = scoreSentiment([...titleTokens, ...bodyTokens], this.sentiment);

    const topicScores = new Map<string, number>();
    for (const hit of this.topics.findAll(titleTokens)) topicScores.set(hit.value, (topicScores.get(hit.value) ?? 0) + TOPIC_TITLE_WEIGHT);
    for (const hit of this.topics.findAll(bodyTokens)) topicScores.set(hit.value, (topicScores.get(hit.value) ?? 0) + 1);
    const topics = [...topicScores]
      .filter(([, score]) => score >= TOPIC_MIN_SCORE)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_TOPICS)
      .map(([topic]) => topic);

    return { sentiment, topics, party: this.partyOf(article, titleTokens, bodyTokens) };
  }

  private partyOf(article: AnalysisInput, titleTokens: string[], bodyTokens: string[]): string | null {
    const matcher = this.parties.get(article.country ?? "*") ?? this.parties.get("*");
    if (!matcher) return null;
    if (article.party?.trim()) {
      const given = article.party.trim();
      const known = this.partyNames.get(given.toLowerCase()) ?? matcher.findAll(tokenize(given))[0]?.value;
      return known ?? given;
    }
    const counts = new Map<string, number>();
    for (const hit of matcher.findAll(titleTokens)) counts.set(hit.value, (counts.get(hit.value) ?? 0) + 1);
    for (const hit of matcher.findAll(bodyTokens)) counts.set(hit.value, (counts.get(hit.value) ?? 0) + 1);
    let best: string | null = null;
    let bestCount = 0;
    // Map order is first-mention order, so ties go to the party named first.
    for (const [party, count] of counts) {
      if (count > bestCount) {
        best = party;
        bestCount = count;
      }
    }
    return best;
  }
}
