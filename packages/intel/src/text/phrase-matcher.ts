import { endsIndic, startsIndic, tokenize } from "./tokens";

/** Longest case/postposition ending (UTF-16 units) accepted after a phrase's last word: "मा", "लाई", "లో", "నుంచి". */
const MAX_SUFFIX = 6;
/** Shortest word stem a suffix may be stripped down to, so short words do not match everything. */
const MIN_STEM = 3;
const CACHE_LIMIT = 50_000;

interface Phrase<T> {
  /** Words after the first. */
  rest: readonly string[];
  value: T;
}

export interface PhraseHit<T> {
  /** Index of the first and one past the last matched token. */
  start: number;
  end: number;
  value: T;
}

/**
 * True when `word` (text) is `stem` (phrase word) possibly followed by an Indic ending:
 * "काठमाडौंमा" is "काठमाडौं" + "मा", "10मा" is "10" + "मा", but "100" is not "10".
 */
function matchesWithEnding(stem: string, word: string): boolean {
  if (word === stem) return true;
  const extra = word.length - stem.length;
  return extra > 0 && extra <= MAX_SUFFIX && word.startsWith(stem) && startsIndic(word.slice(stem.length));
}

/**
 * Finds known phrases (ward names, lexicon words, party names) in token streams. Phrases are matched word by word
 * after `matchKey` normalisation; the last word of a phrase may carry an Indic ending. Built once per run.
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  /** Lengths of one-word phrases: the only stems worth trying when stripping an ending. */
  private readonly stemLengths = new Set<number>();
  /** Indic words without an exact entry → the one-word phrases they inflect (null: none). */
  private readonly inflections = new Map<string, Phrase<T>[] | null>();

  add(phrase: string, value: T): void {
    const words = tokenize(phrase);
    const first = words[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ rest: words.slice(1), value });
    // Longest phrases first, so "काठमाडौं वडा नं. 10" wins over "काठमाडौं".
    list.sort((a, b) => b.rest.length - a.rest.length);
    this.byFirst.set(first, list);
    if (words.length === 1) this.stemLengths.add(first.length);
    this.inflections.clear();
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** Phrases that may start at a text word: those starting with it exactly, else one-word phrases it inflects. */
  private candidatesFor(word: string): Phrase<T>[] | undefined {
    const exact = this.byFirst.get(word);
    // A word that is itself a known phrase start is not read as an inflection of a shorter one (नहीं is not नही + ं).
    if (exact || !endsIndic(word)) return exact;
    const cached = this.inflections.get(word);
    if (cached !== undefined) return cached ?? undefined;
    let found: Phrase<T>[] | null = null;
    for (let cut = 1; cut <= MAX_SUFFIX && word.length - cut >= MIN_STEM; cut++) {
      if (!this.stemLengths.has(word.length - cut)) continue;
      const stem = word.slice(0, word.length - cut);
      if (!startsIndic(word.slice(stem.length))) continue;
      const inflected = this.byFirst.get(stem)?.filter((phrase) => phrase.rest.length === 0);
      if (inflected && inflected.length > 0) {
        found = inflected;
        break;
      }
    }
    if (this.inflections.size >= CACHE_LIMIT) this.inflections.clear();
    this.inflections.set(word, found);
    return found ?? undefined;
  }

  /** Non-overlapping hits, left to right, longest phrase first at each position. */
  findAll(tokens: readonly string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const word = tokens[i] as string;
      const candidates = this.candidatesFor(word);
      let matched: Phrase<T>[] = [];
      let length = 0;
      if (candidates) {
        for (const phrase of candidates) {
          const n = phrase.rest.length;
          if (length > 0 && n + 1 < length) break;
          if (n > 0 && !this.restMatches(tokens, i + 1, phrase.rest)) continue;
          if (n + 1 > length) {
            length = n + 1;
            matched = [phrase];
          } else {
            matched.push(phrase);
          }
        }
      }
      if (length === 0) {
        i++;
        continue;
      }
      for (const phrase of matched) hits.push({ start: i, end: i + length, value: phrase.value });
      i += length;
    }
    return hits;
  }

  private restMatches(tokens: readonly string[], from: number, rest: readonly string[]): boolean {
    if (from + rest.length > tokens.length) return false;
    const last = rest.length - 1;
    for (let k = 0; k < last; k++) if (tokens[from + k] !== rest[k]) return false;
    return matchesWithEnding(rest[last] as string, tokens[from + last] as string);
  }
}
