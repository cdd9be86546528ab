import { canonicalText, keyTokens } from "../text/normalize";

/** Signature length; bins of one-permutation MinHash. */
export const SIGNATURE_BINS = 32;
/** Characters of the body (after normalisation) that form the "lead" compared with the title. */
export const LEAD_CHARS = 300;
/** Raw body characters read to produce the lead; generous, since normalisation only shortens text. */
export const LEAD_SOURCE_CHARS = 600;

const EMPTY = 0xffffffff;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

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

/**
 * One-permutation MinHash over character trigrams: each trigram hash falls into one of SIGNATURE_BINS bins and
 * the bin keeps its minimum. The share of equal bins estimates the trigram Jaccard similarity of two texts.
 */
export function minhashSignature(text: string): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_BINS).fill(EMPTY);
  for (let i = 0; i + 2 < text.length; i++) {
    const h = fmix32(Math.imul(text.charCodeAt(i), 0x01000193) ^ Math.imul(text.charCodeAt(i + 1), 0x9e3779b1) ^ text.charCodeAt(i + 2));
    const bin = h & (SIGNATURE_BINS - 1);
    const value = h >>> 5;
    if (value < (signature[bin] as number)) signature[bin] = value;
  }
  // Empty bins borrow from the next non-empty one ("rotation" densification) so short texts still compare.
  for (let bin = 0; bin < SIGNATURE_BINS; bin++) {
    if (signature[bin] !== EMPTY) continue;
    for (let step = 1; step < SIGNATURE_BINS; step++) {
      const from = signature[(bin + step) % SIGNATURE_BINS] as number;
      if (from !== EMPTY) {
        signature[bin] = (from + step * 0x9e3779b1) >>> 0;
        break;
      }
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of equal bins. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
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
