/**
 * The words of a text in match form without a string per word: one lower-cased, folded text and, per word, its start,
 * end and a hash. Ingestion reads every article's words twice or more (wards, lexicon, near-duplicates); slicing and
 * hashing a fresh string per word each time was most of its CPU.
 */
export interface WordList {
  /** Text in match form (lower-cased, digits and chandrabindu folded; see `keyTokens`): words are slices of it. */
  readonly text: string;
  /** Per word: start, end, hash (see `wordHash`). */
  readonly spans: readonly number[];
  readonly count: number;
}

/** Zero of each block of native digits read as ASCII (Devanagari ०, Bengali ০, Gujarati ૦, Telugu ౦). */
const DIGIT_ZEROS = [0x0966, 0x09e6, 0x0ae6, 0x0c66] as const;
const FOLD_FROM = 0x0900;
/**
 * The match form of units U+0900…U+0CFF: chandrabindu folded into anusvara (काठमाडौँ/काठमाडौं) and native digits made
 * ASCII, so "वडा नं. १०" and "वडा नं. 10" read alike. Folding never changes what is a word character.
 */
const FOLDED = Uint16Array.from({ length: 0x0d00 - FOLD_FROM }, (_, i) => FOLD_FROM + i);
FOLDED[0x0901 - FOLD_FROM] = 0x0902;
for (const zero of DIGIT_ZEROS) for (let d = 0; d < 10; d++) FOLDED[zero + d - FOLD_FROM] = 0x30 + d;

function foldUnit(code: number): number {
  return code >= FOLD_FROM && code < FOLD_FROM + FOLDED.length ? (FOLDED[code - FOLD_FROM] as number) : code;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Per UTF-16 unit: 1 word character (\p{L}\p{M}\p{N}), 2 not, 0 not looked up yet; surrogates are looked up in pairs. */
const unitClass = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) unitClass[code] = /[a-zA-Z0-9]/u.test(String.fromCharCode(code)) ? 1 : 2;
const astralClass = new Map<number, boolean>();

function classifyUnit(code: number): number {
  const known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  unitClass[code] = known;
  return known;
}

/** UTF-16 units of the word character at `i` when the table does not know yet (or it is a surrogate); 0: none. */
function wordUnitsAt(text: string, i: number, code: number): number {
  if (code < 0xd800 || code > 0xdfff) return classifyUnit(code) === 1 ? 1 : 0;
  // A lone surrogate is no letter; a pair is one code point.
  const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (code > 0xdbff || low < 0xdc00 || low > 0xdfff) return 0;
  const codePoint = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  let known = astralClass.get(codePoint);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint));
    astralClass.set(codePoint, known);
  }
  return known ? 2 : 0;
}

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
/** Hashes stay small integers, so maps keyed by them stay fast. */
export const HASH_MASK = 0x3fffffff;

/** The hash a WordList stores for a word (FNV-1a over UTF-16 units). */
export function wordHash(word: string, start = 0, end = word.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

/** Spans are collected here, then copied out at their size (a plain array: it lives on the JS heap and dies young). */
let scratch: number[] = new Array<number>(3 * 1024).fill(0);
let foldedUnits = new Uint16Array(1024);

/** `text` with every unit folded (see `foldUnit`), decoded in one go. */
function foldText(text: string): string {
  if (foldedUnits.length < text.length) foldedUnits = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    foldedUnits[i] = foldUnit(code);
  }
  return Buffer.from(foldedUnits.buffer, 0, 2 * text.length).toString("utf16le");
}

/**
 * Words of lower-cased text in match form: maximal runs of \p{L}\p{M}\p{N}, hashed as folded (see `foldUnit`); the
 * list's text is the folded text.
 */
function scan(text: string): WordList {
  const length = text.length;
  // At most one word per two units: the spans always fit.
  if (scratch.length < 3 * (length >> 1) + 3) scratch = new Array<number>(3 * (length >> 1) + 3).fill(0);
  const spans = scratch;
  let count = 0;
  let folds = false;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    let known = unitClass[code] as number;
    let units = known === 1 ? 1 : known === 2 ? 0 : wordUnitsAt(text, i, code);
    if (units === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    do {
      if (code >= FOLD_FROM) {
        const folded = foldUnit(code);
        if (folded !== code) {
          folds = true;
          code = folded;
        }
      }
      h = Math.imul(h ^ code, FNV_PRIME);
      if (units === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
      i += units;
      if (i >= length) break;
      code = text.charCodeAt(i);
      known = unitClass[code] as number;
      units = known === 1 ? 1 : known === 2 ? 0 : wordUnitsAt(text, i, code);
    } while (units > 0);
    spans[3 * count] = start;
    spans[3 * count + 1] = i;
    spans[3 * count + 2] = h & HASH_MASK;
    count++;
  }
  return { text: folds ? foldText(text) : text, spans: spans.slice(0, 3 * count), count };
}

/** Words of canonical text (see `canonicalText`) in match form: lower-cased, folded, punctuation dropped. */
export function wordsOf(canonical: string): WordList {
  return scan(canonical.toLowerCase());
}

/** A WordList from words already in match form (tests, short phrases). */
export function wordListOf(words: readonly string[]): WordList {
  return scan(words.join(" "));
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
