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
/** Headline and lead characters gathered before hashing (grown for very long headlines). */
let gathered = new Uint16Array(1024);

/**
 * `minhashSignature(similarityTextFromTokens(title words, body words))`, read straight from the word lists without
 * building the text; written into `into` when given (ingestion reuses one, as the index copies what it keeps).
 */
export function minhashOfWords(title: WordList, body: WordList, into: Int32Array = new Int32Array(SIGNATURE_BINS)): Int32Array {
  const titleEnd = title.count > 0 ? (title.spans[3 * title.count - 2] as number) : 0;
  if (gathered.length < titleEnd + LEAD_CHARS + 1) gathered = new Uint16Array(titleEnd + LEAD_CHARS + 1);
  const chars = gathered;
  let length = 0;
  // Laid out as similarityTextFromTokens would: words joined by single spaces.
  for (let w = 0; w < title.count; w++) {
    if (w > 0) chars[length++] = SPACE;
    const end = title.spans[3 * w + 1] as number;
    for (let i = title.spans[3 * w] as number; i < end; i++) chars[length++] = title.text.charCodeAt(i);
  }
  // The lead: whole words while it is shorter than LEAD_CHARS, then cut at LEAD_CHARS.
  let lead = 0;
  for (let w = 0; w < body.count && lead < LEAD_CHARS; w++) {
    if (w > 0) {
      // A space that would end the cut lead is trimmed away, as in similarityTextFromTokens.
      if (lead + 1 >= LEAD_CHARS) break;
      lead++;
    }
    if (w > 0 || title.count > 0) chars[length++] = SPACE;
    const start = body.spans[3 * w] as number;
    const end = Math.min(body.spans[3 * w + 1] as number, start + LEAD_CHARS - lead);
    for (let i = start; i < end; i++) chars[length++] = body.text.charCodeAt(i);
    lead += end - start;
  }
  const signature = into.fill(EMPTY);
  let c0 = chars[0] as number;
  let c1 = chars[1] as number;
  for (let i = 2; i < length; i++) {
    const c2 = chars[i] as number;
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
