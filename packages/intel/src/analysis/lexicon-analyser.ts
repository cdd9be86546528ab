import { canonicalText } from "../text/normalize";
import { tokenize } from "../text/tokens";
import { wordsOf } from "../text/words";
import { PhraseMatcher } from "../text/phrase-matcher";
import type { PhraseHit } from "../text/phrase-matcher";
import type { AnalysisInput, ArticleAnalysis, PostAnalyser } from "./analyser";
import { PARTIES } from "./lexicon/parties";
import { SENTIMENT_LEXICON } from "./lexicon/sentiment";
import { TOPIC_KEYWORDS } from "./lexicon/topics";

/** What a lexicon phrase means; one phrase may mean several things ("corruption": negative, and a topic). */
type LexiconTag =
  | { kind: "polar"; polarity: 1 | -1 }
  | { kind: "negator"; scope: "before" | "after" }
  | { kind: "topic"; topic: string }
  | { kind: "party"; party: string; country: string };

/** How far (in words) a negator reaches for the sentiment word it flips. */
const NEGATION_REACH = 3;
const MAX_TOPICS = 3;
/** Topic score: a headline word counts twice; a topic needs a score of 2 (one headline word or two body words). */
const TOPIC_TITLE_WEIGHT = 2;
const TOPIC_MIN_SCORE = 2;

/** Every lexicon in one matcher, so an article's words are looked up once. */
function buildLexicon(): PhraseMatcher<LexiconTag[]> {
  const tags = new Map<string, LexiconTag[]>();
  const add = (phrase: string, tag: LexiconTag) => {
    const key = tokenize(phrase).join(" ");
    if (key === "") return;
    const list = tags.get(key) ?? [];
    // The first sentiment reading of a word wins (Nepali and Hindi share Devanagari words).
    if ((tag.kind === "polar" || tag.kind === "negator") && list.some((t) => t.kind === "polar" || t.kind === "negator")) return;
    list.push(tag);
    tags.set(key, list);
  };
  for (const language of Object.values(SENTIMENT_LEXICON)) {
    for (const word of language.negators) add(word, { kind: "negator", scope: language.negatorScope });
    for (const word of language.positive) add(word, { kind: "polar", polarity: 1 });
    for (const word of language.negative) add(word, { kind: "polar", polarity: -1 });
  }
  for (const [topic, words] of Object.entries(TOPIC_KEYWORDS)) for (const word of words) add(word, { kind: "topic", topic });
  for (const party of PARTIES) for (const alias of party.aliases) add(alias, { kind: "party", party: party.name, country: party.country });
  const matcher = new PhraseMatcher<LexiconTag[]>();
  for (const [key, list] of tags) matcher.add(key, list);
  return matcher;
}

type PartyReading = { party: string; country: string };

interface Polar {
  start: number;
  end: number;
  polarity: number;
}
interface Negator {
  start: number;
  end: number;
  scope: "before" | "after";
}

/** What an article's lexicon hits say, gathered over its headline and body. */
interface Readings {
  polars: Polar[];
  negators: Negator[];
  topicScores: Map<string, number>;
  /** Per party-name occurrence, the parties it may mean. */
  partyMentions: PartyReading[][];
}

// A module function, not a closure per article: tsx keeps function names by defining them on each closure made.
function collect(into: Readings, hits: readonly PhraseHit<LexiconTag[]>[], shift: number, topicWeight: number): void {
  for (const hit of hits) {
    const parties: PartyReading[] = [];
    for (const tag of hit.value) {
      if (tag.kind === "polar") into.polars.push({ start: hit.start + shift, end: hit.end + shift, polarity: tag.polarity });
      else if (tag.kind === "negator") into.negators.push({ start: hit.start + shift, end: hit.end + shift, scope: tag.scope });
      else if (tag.kind === "topic") into.topicScores.set(tag.topic, (into.topicScores.get(tag.topic) ?? 0) + topicWeight);
      else parties.push(tag);
    }
    if (parties.length > 0) into.partyMentions.push(parties);
  }
}

/** Score in -1 … 1: (positive − negative) / (positive + negative + 1), after negation. */
function scoreSentiment(polars: Polar[], negators: readonly Negator[]): number {
  for (const negator of negators) {
    // Flip the nearest sentiment word in the negator's direction (English "not good"; Nepali "राम्रो छैन").
    let target: Polar | undefined;
    if (negator.scope === "before") {
      target = polars.find((p) => p.start >= negator.end && p.start - negator.end < NEGATION_REACH);
    } else {
      target = polars.findLast((p) => p.end <= negator.start && negator.start - p.end < NEGATION_REACH);
    }
    if (target) target.polarity = -target.polarity;
  }
  let positive = 0;
  let negative = 0;
  for (const p of polars) {
    if (p.polarity > 0) positive++;
    else negative++;
  }
  return (positive - negative) / (positive + negative + 1);
}

/** The offline analyser: curated lexicons, negation, topic keywords, party spellings. Deterministic. */
export class LexiconAnalyser implements PostAnalyser {
  readonly id = "lexicon:v1";
  private readonly lexicon = buildLexicon();
  private readonly partyNames = new Map(PARTIES.map((party) => [party.name.toLowerCase(), party.name]));

  analyse(articles: readonly AnalysisInput[]): Promise<ArticleAnalysis[]> {
    return Promise.resolve(articles.map((article) => this.analyseOne(article)));
  }

  analyseOne(article: AnalysisInput): ArticleAnalysis {
    const title = article.words?.title ?? wordsOf(canonicalText(article.title));
    const body = article.words?.body ?? wordsOf(canonicalText(article.body));
    const titleHits = this.lexicon.find(title);
    const bodyHits = this.lexicon.find(body);
    // Body positions follow the title's, so negation never reaches across the two.
    const offset = title.count + NEGATION_REACH;
    const readings: Readings = { polars: [], negators: [], topicScores: new Map(), partyMentions: [] };
    collect(readings, titleHits, 0, TOPIC_TITLE_WEIGHT);
    collect(readings, bodyHits, offset, 1);
    const { polars, negators, topicScores, partyMentions } = readings;

    const topics = [...topicScores]
      .filter(([, score]) => score >= TOPIC_MIN_SCORE)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_TOPICS)
      .map(([topic]) => topic);
    return { sentiment: scoreSentiment(polars, negators), topics, party: this.partyOf(article, partyMentions) };
  }

  /** The party each mention names for this article's country (unknown country: unambiguous spellings only). */
  private resolveMentions(mentions: readonly PartyReading[][], country: string | null): string[] {
    return mentions.flatMap((readings) => {
      const fitting = country ? readings.filter((r) => r.country === country) : readings;
      const parties = new Set(fitting.map((r) => r.party));
      const [only] = parties;
      return parties.size === 1 && only ? [only] : [];
    });
  }

  private partyOf(article: AnalysisInput, mentions: readonly PartyReading[][]): string | null {
    if (article.party?.trim()) {
      const given = article.party.trim();
      const known = this.partyNames.get(given.toLowerCase());
      if (known) return known;
      const readings = this.lexicon.findAll(tokenize(given)).map((hit) => hit.value.flatMap((t) => (t.kind === "party" ? [t] : [])));
      return this.resolveMentions(readings, article.country)[0] ?? given;
    }
    const counts = new Map<string, number>();
    for (const party of this.resolveMentions(mentions, article.country)) counts.set(party, (counts.get(party) ?? 0) + 1);
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
