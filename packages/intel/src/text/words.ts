/**
 * The words of a text in match form without a string per word: one lower-cased, folded text and, per word, its start,
 * end and a hash. Ingestion reads every article's words twice or more (wards, lexicon, near-duplicates); slicing and
 * hashing a fresh string per word each time was most of its CPU.
 */
export interface WordList {
  /** Match-form text (see `keyTokens`): the words are `text.slice(start, end)`. */
  readonly text: string;
  /** Per word: start, end, hash (see `wordHash`). */
  readonly spans: Int32Array;
  readonly count: number;
}

const NATIVE_DIGIT = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/gu;
const HAS_NATIVE_DIGIT = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/u;
const DIGIT_BLOCKS = [
  0x0966, // Devanagari ०
  0x0c66, // Telugu ౦
  0x09e6, // Bengali ০
  0x0ae6, // Gujarati ૦
] as const;
const CHANDRABINDU = /\u0901/gu;

/** Devanagari/Telugu/… digits to ASCII, so "वडा नं. १०" and "वडा नं. 10" read alike. */
export function asciiDigits(text: string): string {
  if (!HAS_NATIVE_DIGIT.test(text)) return text;
  return text.replace(NATIVE_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = DIGIT_BLOCKS.find((base) => code >= base && code <= base + 9) ?? code;
    return String(code - zero);
  });
}

/** Lower-cased, ASCII digits, chandrabindu folded into anusvara (काठमाडौँ/काठमाडौं): the text words are cut from. */
export function matchFormText(canonical: string): string {
  const lower = canonical.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 0x80) return asciiDigits(lower.includes("\u0901") ? lower.replace(CHANDRABINDU, "\u0902") : lower);
  }
  return lower;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Per UTF-16 unit (BMP, surrogates excluded): 1 word character (\p{L}\p{M}\p{N}), 2 not; 0 not looked up yet. */
const unitClass = new Uint8Array(0x10000);
const astralClass = new Map<number, boolean>();

function isWordUnit(code: number): boolean {
  let known = unitClass[code] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    unitClass[code] = known;
  }
  return known === 1;
}

function isWordCodePoint(codePoint: number): boolean {
  let known = astralClass.get(codePoint);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint));
    astralClass.set(codePoint, known);
  }
  return known;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hashes stay small integers, so maps keyed by them stay fast. */
const HASH_MASK = 0x3fffffff;

/** The hash a WordList stores for a word (FNV-1a over UTF-16 units). */
export function wordHash(word: string, start = 0, end = word.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

let scratch = new Int32Array(3 * 1024);

/** Words of match-form text (`matchFormText`): maximal runs of \p{L}\p{M}\p{N}, as `keyTokens` cuts them. */
export function wordsOfMatchForm(text: string): WordList {
  let count = 0;
  let start = -1;
  let h = FNV_OFFSET;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    let word = false;
    let units = 1;
    if (i < length) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        word = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
      } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          units = 2;
          word = isWordCodePoint(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        }
      } else if (code < 0xd800 || code > 0xdfff) {
        word = isWordUnit(code);
      }
    }
    if (word) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      if (units === 2) {
        h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
        i++;
      }
    } else if (start >= 0) {
      if (3 * count + 3 > scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[3 * count] = start;
      scratch[3 * count + 1] = i;
      scratch[3 * count + 2] = h & HASH_MASK;
      count++;
      start = -1;
    }
  }
  return { text, spans: scratch.slice(0, 3 * count), count };
}

/** Words of canonical text (see `canonicalText`) in match form. */
export function wordsOf(canonical: string): WordList {
  return wordsOfMatchForm(matchFormText(canonical));
}

/** A WordList from words already in match form (tests, short phrases). */
export function wordListOf(words: readonly string[]): WordList {
  return wordsOfMatchForm(words.join(" "));
}

export function wordAt(list: WordList, index: number): string {
  return list.text.slice(list.spans[3 * index], list.spans[3 * index + 1]);
}

export function wordStrings(list: WordList): string[] {
  const words: string[] = [];
  for (let i = 0; i < list.count; i++) words.push(wordAt(list, i));
  return words;
}

/** True when word `index` of `list` is exactly `word`. */
export function wordEquals(list: WordList, index: number, word: string): boolean {
  const start = list.spans[3 * index] as number;
  return (list.spans[3 * index + 1] as number) - start === word.length && list.text.startsWith(word, start);
}

/** The words joined by single spaces (a headline's match key). */
export function joinWords(list: WordList): string {
  let joined = "";
  for (let i = 0; i < list.count; i++) joined = i === 0 ? wordAt(list, 0) : `${joined} ${wordAt(list, i)}`;
  return joined;
}
