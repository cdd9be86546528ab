import { isIndicCode, tokenize } from "./tokens";
import { FNV_OFFSET, FNV_PRIME, HASH_MASK, wordEquals, wordHash, wordListOf } from "./words";
import type { WordList } from "./words";

/** Longest case/postposition ending (UTF-16 units) accepted after a phrase's last word: "मा", "लाई", "లో", "నుంచి". */
const MAX_SUFFIX = 6;
/** Shortest word stem a suffix may be stripped down to, so short words do not match everything. */
const MIN_STEM = 3;
/** Candidate stems of the word being looked at: (length, hash) pairs. */
const stemScratch = new Int32Array(2 * MAX_SUFFIX);
/** Bits of a word hash that index `firstBits`. */
const FIRST_BITS_MASK = 0xffff;

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
  /**
   * 1 where some first word's hash has these low bits: most words of a text start no phrase, and this answers that
   * with one array read instead of a map lookup.
   */
  private readonly firstBits = new Uint8Array(FIRST_BITS_MASK + 1);
  /** The same for one-word phrases only: the stems an inflected word may carry. */
  private readonly stemBits = new Uint8Array(FIRST_BITS_MASK + 1);
  /** Lengths of one-word phrases: the only stems worth trying when stripping an ending. */
  private readonly stemLengths = new Set<number>();

  add(phrase: string, value: T): void {
    const words = tokenize(phrase);
    const first = words[0];
    if (first === undefined) return;
    const hash = wordHash(first);
    this.firstBits[hash & FIRST_BITS_MASK] = 1;
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
      this.stemBits[hash & FIRST_BITS_MASK] = 1;
    }
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
    const exact = this.firstBits[hash & FIRST_BITS_MASK] === 1 ? this.entryAt(list, index, hash) : undefined;
    // A word that is itself a known phrase start is not read as an inflection of a shorter one (नहीं is not नही + ं).
    if (exact || !isIndicCode(text.charCodeAt(end - 1))) return exact?.phrases;
    return this.inflected(text, spans[3 * index] as number, end);
  }

  /** The one-word phrases that `text[start, end)` is, with an Indic ending attached. */
  private inflected(text: string, start: number, end: number): Phrase<T>[] | undefined {
    // One pass hashes every prefix; only prefixes that may be a stem (length, bitmap, an Indic ending after) are looked up.
    const shortest = Math.max(MIN_STEM, end - start - MAX_SUFFIX);
    let found = 0;
    let h = FNV_OFFSET;
    for (let i = start; i < end - 1; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      const length = i + 1 - start;
      if (length >= shortest && this.stemBits[h & FIRST_BITS_MASK] === 1 && this.stemLengths.has(length) && isIndicCode(text.charCodeAt(i + 1))) {
        stemScratch[2 * found] = length;
        stemScratch[2 * found + 1] = h & HASH_MASK;
        found++;
      }
    }
    // Longest stem first.
    for (let k = found - 1; k >= 0; k--) {
      const length = stemScratch[2 * k] as number;
      const stem = this.byFirst.get(stemScratch[2 * k + 1] as number)?.find((e) => e.word.length === length && text.startsWith(e.word, start));
      if (stem && stem.single.length > 0) return stem.single;
    }
    return undefined;
  }

  /** Non-overlapping hits, left to right, longest phrase first at each position. */
  find(list: WordList): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    const { spans, text } = list;
    while (i < list.count) {
      // Most words start no phrase and carry no Indic ending: one array read settles them.
      if (this.firstBits[(spans[3 * i + 2] as number) & FIRST_BITS_MASK] === 0 && !isIndicCode(text.charCodeAt((spans[3 * i + 1] as number) - 1))) {
        i++;
        continue;
      }
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
