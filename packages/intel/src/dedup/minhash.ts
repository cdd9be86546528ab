import { canonicalText, keyTokens } from "../text/normalize";
import type { WordList } from "../text/words";

/** Signature length; bins of one-permutation MinHash. */
export const SIGNATURE_BINS = 32;
/** Characters of the body (after normalisation) that form the "lead" compared with the title. */
export const LEAD_CHARS = 300;
/** Raw body characters read to produce the lead; generous, since normalisation only shortens text. */
export const LEAD_SOURCE_CHARS = 600;

/** Bin values are 27-bit hashes; this marks a bin no trigram fell into. */
const EMPTY = 0x7fffffff;

/** Normalised headline + lead (from words in match form): what near-duplicate detection compares. */
export function similarityTextFromTokens(titleTokens: readonly string[], bodyTokens: readonly string[]): string {
  let lead = "";
  for (const word of bodyTokens) {
    if (lead.length >= LEAD_CHARS) break;
    lead = lead === "" ? word : `${lead} ${word}`;
  }
  return `${titleTokens.join(" ")} ${lead.slice(0, LEAD_CHARS)}`.trim();
}

/** The same from raw title and body (stored epapers). */
export function similarityText(title: string, body: string): string {
  return similarityTextFromTokens(keyTokens(canonicalText(title)), keyTokens(canonicalText(body.slice(0, LEAD_SOURCE_CHARS))));
}

/** Adds the trigram ending in `c2` to the signature: its hash falls into one bin, which keeps its minimum. */
function addTrigram(signature: Int32Array, c0: number, c1: number, c2: number): void {
  // A cheap multiply-xorshift mix of the trigram, rolled along the text; plenty uniform for MinHash.
  let h = (Math.imul(c0, 0x9e3779b1) + Math.imul(c1, 0x85ebca6b) + c2) | 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 12;
  const bin = h & (SIGNATURE_BINS - 1);
  const value = h >>> 5;
  if (value < (signature[bin] as number)) signature[bin] = value;
}

/** Empty bins borrow from the next non-empty one ("rotation" densification) so short texts still compare. */
function densify(signature: Int32Array): Int32Array {
  for (let bin = 0; bin < SIGNATURE_BINS; bin++) {
    if (signature[bin] !== EMPTY) continue;
    for (let step = 1; step < SIGNATURE_BINS; step++) {
      const from = signature[(bin + step) % SIGNATURE_BINS] as number;
      if (from !== EMPTY) {
        signature[bin] = (from ^ Math.imul(step, 0x9e3779b1)) >>> 5;
        break;
      }
    }
  }
  return signature;
}

/**
 * One-permutation MinHash over character trigrams: each trigram hash falls into one of SIGNATURE_BINS bins and
 * the bin keeps its minimum. The share of equal bins estimates the trigram Jaccard similarity of two texts.
 */
export function minhashSignature(text: string): Int32Array {
  const signature = new Int32Array(SIGNATURE_BINS).fill(EMPTY);
  let c0 = text.charCodeAt(0);
  let c1 = text.charCodeAt(1);
  for (let i = 2; i < text.length; i++) {
    const c2 = text.charCodeAt(i);
    addTrigram(signature, c0, c1, c2);
    c0 = c1;
    c1 = c2;
  }
  return densify(signature);
}

const SPACE = 0x20;
/** The similarity text's characters, gathered before hashing (headline + lead stay well below this). */
let gathered = new Uint16Array(1024);

function gather(at: number, text: string, from: number, to: number): number {
  if (at + (to - from) > gathered.length) {
    const grown = new Uint16Array(Math.max(gathered.length * 2, at + (to - from)));
    grown.set(gathered);
    gathered = grown;
  }
  for (let i = from; i < to; i++) gathered[at++] = text.charCodeAt(i);
  return at;
}

/**
 * `minhashSignature(similarityTextFromTokens(title words, body words))`, read straight from the word lists without
 * building the text; written into `into` when given (ingestion reuses one, as the index copies what it keeps).
 */
export function minhashOfWords(title: WordList, body: WordList, into: Int32Array = new Int32Array(SIGNATURE_BINS)): Int32Array {
  let length = 0;
  for (let i = 0; i < title.count; i++) {
    if (i > 0) length = gather(length, " ", 0, 1);
    length = gather(length, title.text, title.spans[3 * i] as number, title.spans[3 * i + 1] as number);
  }
  // The lead: whole words while it is shorter than LEAD_CHARS, then cut at LEAD_CHARS.
  let lead = 0;
  for (let i = 0; i < body.count && lead < LEAD_CHARS; i++) {
    if (i > 0) {
      // A space that would end the cut lead is trimmed away, as in similarityTextFromTokens.
      if (lead + 1 >= LEAD_CHARS) break;
      lead++;
    }
    if (i > 0 || title.count > 0) length = gather(length, " ", 0, 1);
    const start = body.spans[3 * i] as number;
    const end = Math.min(body.spans[3 * i + 1] as number, start + LEAD_CHARS - lead);
    length = gather(length, body.text, start, end);
    lead += end - start;
  }
  const signature = into.fill(EMPTY);
  let c0 = gathered[0] as number;
  let c1 = gathered[1] as number;
  for (let i = 2; i < length; i++) {
    const c2 = gathered[i] as number;
    addTrigram(signature, c0, c1, c2);
    c0 = c1;
    c1 = c2;
  }
  return densify(signature);
}

/** Estimated Jaccard similarity: the share of equal bins. */
export function estimatedSimilarity(a: Int32Array, b: Int32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_BINS; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_BINS;
}

/** Exact trigram Jaccard similarity, for tests and small comparisons. */
export function trigramJaccard(a: string, b: string): number {
  const grams = (text: string) => {
    const set = new Set<string>();
    for (let i = 0; i + 2 < text.length; i++) set.add(text.slice(i, i + 3));
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / (x.size + y.size - shared);
}
