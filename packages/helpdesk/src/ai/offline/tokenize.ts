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

/**
 * Features of a text: words, word pairs, and character 3–5-grams inside each word (with boundary marks).
 * Character n-grams let Nepali inflections (पानीको, पानीमा) and English plurals share evidence.
 */
export function features(text: string): string[] {
  const tokens = words(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const word = tokens[i] ?? "";
    out.push(`w:${word}`);
    const next = tokens[i + 1];
    if (next !== undefined) out.push(`b:${word}_${next}`);
    const chars = [...`<${word}>`];
    for (const size of CHAR_NGRAM_SIZES) {
      for (let start = 0; start + size <= chars.length; start += 1) out.push(`c:${chars.slice(start, start + size).join("")}`);
    }
  }
  return out;
}
