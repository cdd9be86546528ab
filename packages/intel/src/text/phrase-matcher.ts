import { isIndicCode, tokenize } from "./tokens";
import { wordEquals, wordHash, wordListOf } from "./words";
import type { WordList } from "./words";

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

/** The phrases starting with one word, longest first. */
interface FirstWord<T> {
  word: string;
  phrases: Phrase<T>[];
  /** The one-word phrases among them: what an inflected form of the word can mean. */
  single: Phrase<T>[];
}

export interface PhraseHit<T> {
  /** Index of the first and one past the last matched token. */
  start: number;
  end: number;
  value: T;
}

/**
 * Finds known phrases (ward names, lexicon words, party names) in word lists. Phrases are matched word by word
 * after `matchKey` normalisation; the last word of a phrase may carry an Indic ending. Built once per run. Words are
 * looked up by their hash (see `WordList`), so matching allocates nothing per word.
 */
export class PhraseMatcher<T> {
  /** First-word hash → the first words with that hash (almost always one). */
  private readonly byFirst = new Map<number, FirstWord<T>[]>();
  /** Lengths of one-word phrases: the only stems worth trying when stripping an ending. */
  private readonly stemLengths = new Set<number>();
  /** Indic words without an exact entry (by hash) → the one-word phrases they inflect, if any. */
  private readonly inflections = new Map<number, { word: string; phrases: Phrase<T>[] | undefined }>();

  add(phrase: string, value: T): void {
    const words = tokenize(phrase);
    const first = words[0];
    if (first === undefined) return;
    const hash = wordHash(first);
    const sameHash = this.byFirst.get(hash) ?? [];
    let entry = sameHash.find((e) => e.word === first);
    if (!entry) {
      entry = { word: first, phrases: [], single: [] };
      sameHash.push(entry);
      this.byFirst.set(hash, sameHash);
    }
    const item = { rest: words.slice(1), value };
    entry.phrases.push(item);
    // Longest phrases first, so "काठमाडौं वडा नं. 10" wins over "काठमाडौं".
    entry.phrases.sort((a, b) => b.rest.length - a.rest.length);
    if (words.length === 1) {
      entry.single.push(item);
      this.stemLengths.add(first.length);
    }
    this.inflections.clear();
  }

  get size(): number {
    let n = 0;
    for (const entries of this.byFirst.values()) n += entries.length;
    return n;
  }

  private entryAt(list: WordList, index: number, hash: number): FirstWord<T> | undefined {
    const entries = this.byFirst.get(hash);
    if (!entries) return undefined;
    for (const entry of entries) if (wordEquals(list, index, entry.word)) return entry;
    return undefined;
  }

  /** Phrases that may start at a word: those starting with it exactly, else one-word phrases it inflects. */
  private candidatesAt(list: WordList, index: number): Phrase<T>[] | undefined {
    const { spans, text } = list;
    const end = spans[3 * index + 1] as number;
    const hash = spans[3 * index + 2] as number;
    const exact = this.entryAt(list, index, hash);
    // A word that is itself a known phrase start is not read as an inflection of a shorter one (नहीं is not नही + ं).
    if (exact || !isIndicCode(text.charCodeAt(end - 1))) return exact?.phrases;
    const start = spans[3 * index] as number;
    const known = this.inflections.get(hash);
    if (known && known.word.length === end - start && text.startsWith(known.word, start)) return known.phrases;
    const phrases = this.inflected(text, start, end);
    if (this.inflections.size >= CACHE_LIMIT) this.inflections.clear();
    this.inflections.set(hash, { word: text.slice(start, end), phrases });
    return phrases;
  }

  /** The one-word phrases that `text[start, end)` is, with an Indic ending attached. */
  private inflected(text: string, start: number, end: number): Phrase<T>[] | undefined {
    for (let cut = 1; cut <= MAX_SUFFIX && end - start - cut >= MIN_STEM; cut++) {
      const stemEnd = end - cut;
      if (!this.stemLengths.has(stemEnd - start) || !isIndicCode(text.charCodeAt(stemEnd))) continue;
      const entries = this.byFirst.get(wordHash(text, start, stemEnd));
      const stem = entries?.find((e) => e.word.length === stemEnd - start && text.startsWith(e.word, start));
      if (stem && stem.single.length > 0) return stem.single;
    }
    return undefined;
  }

  /** Non-overlapping hits, left to right, longest phrase first at each position. */
  find(list: WordList): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < list.count) {
      const candidates = this.candidatesAt(list, i);
      let matched: Phrase<T>[] | undefined;
      let length = 0;
      if (candidates) {
        for (const phrase of candidates) {
          const n = phrase.rest.length;
          if (length > 0 && n + 1 < length) break;
          if (n > 0 && !this.restMatches(list, i + 1, phrase.rest)) continue;
          if (n + 1 > length) {
            length = n + 1;
            matched = [phrase];
          } else {
            matched?.push(phrase);
          }
        }
      }
      if (!matched) {
        i++;
        continue;
      }
      for (const phrase of matched) hits.push({ start: i, end: i + length, value: phrase.value });
      i += length;
    }
    return hits;
  }

  /** As `find`, over words already in match form. */
  findAll(tokens: readonly string[]): PhraseHit<T>[] {
    return this.find(wordListOf(tokens));
  }

  private restMatches(list: WordList, from: number, rest: readonly string[]): boolean {
    if (from + rest.length > list.count) return false;
    const last = rest.length - 1;
    for (let k = 0; k < last; k++) if (!wordEquals(list, from + k, rest[k] as string)) return false;
    return matchesWithEnding(list, from + last, rest[last] as string);
  }
}

/**
 * True when word `index` is `stem` (a phrase word) possibly followed by an Indic ending:
 * "काठमाडौंमा" is "काठमाडौं" + "मा", "10मा" is "10" + "मा", but "100" is not "10".
 */
function matchesWithEnding(list: WordList, index: number, stem: string): boolean {
  const start = list.spans[3 * index] as number;
  const extra = (list.spans[3 * index + 1] as number) - start - stem.length;
  if (extra < 0 || extra > MAX_SUFFIX || !list.text.startsWith(stem, start)) return false;
  return extra === 0 || isIndicCode(list.text.charCodeAt(start + stem.length));
}
