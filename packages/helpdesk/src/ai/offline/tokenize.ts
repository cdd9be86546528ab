import { STOPWORDS } from "./stopwords";

/** Nepali sentence end (danda, double danda) and other punctuation count as separators. */
const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;
const DEVANAGARI_DIGITS = /[०-९]/g;

/** NFC, lower case, every digit (Latin or Devanagari) folded to 0 so numbers do not fragment the vocabulary. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(DEVANAGARI_DIGITS, "0").replace(/[0-9]/g, "0");
}

export function words(text: string): string[] {
  return normaliseText(text)
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0);
}

const CHAR_NGRAM_SIZES = [3, 4, 5] as const;
/** Character n-grams are many and individually weak; each counts a tenth of a word (tuned by cross-validation). */
const CHAR_NGRAM_WEIGHT = 0.1;

/**
 * Features of a text with their weights: content words, and character 3–5-grams inside each word (with
 * boundary marks), each counted once per text. Character n-grams let Nepali inflections (पानीको, पानीमा) and
 * English plurals share evidence.
 */
export function features(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const word of words(text)) {
    if (STOPWORDS.has(word)) continue;
    out.set(`w:${word}`, 1);
    const chars = [...`<${word}>`];
    for (const size of CHAR_NGRAM_SIZES) {
      for (let start = 0; start + size <= chars.length; start += 1) {
        const gram = `c:${chars.slice(start, start + size).join("")}`;
        if (!out.has(gram)) out.set(gram, CHAR_NGRAM_WEIGHT);
      }
    }
  }
  return out;
}
