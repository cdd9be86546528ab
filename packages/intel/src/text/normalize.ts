import { createHash } from "node:crypto";

const WHITESPACE_RUN = /\s+/gu;
/** Zero-width joiners/non-joiners and the BOM: invisible, and they split otherwise identical words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;
/** Everything that is not a letter, combining mark or digit, for match keys. */
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

const DIGIT_BLOCKS = [
  0x0966, // Devanagari ०
  0x0c66, // Telugu ౦
  0x09e6, // Bengali ০
  0x0ae6, // Gujarati ૦
] as const;
const NATIVE_DIGIT = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/gu;

/** Devanagari/Telugu/… digits to ASCII, so "वडा नं. १०" and "वडा नं. 10" read alike. */
export function asciiDigits(text: string): string {
  return text.replace(NATIVE_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = DIGIT_BLOCKS.find((base) => code >= base && code <= base + 9) ?? code;
    return String(code - zero);
  });
}

/** NFC, invisible characters removed, whitespace collapsed to single spaces, trimmed. */
export function canonicalText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(WHITESPACE_RUN, " ").trim();
}

export interface CanonicalArticle {
  publicationName: string;
  /** YYYY-MM-DD */
  publicationDate: string;
  title: string;
  body: string;
}

/** The identity of an article: sha256 (hex) over canonical publication|date|title|body. */
export function articleSha256(article: CanonicalArticle): string {
  const canonical = [
    canonicalText(article.publicationName),
    article.publicationDate,
    canonicalText(article.title),
    canonicalText(article.body),
  ].join("|");
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/**
 * The form text is compared in: canonical, lower-cased, ASCII digits, chandrabindu folded into anusvara (a common
 * Nepali spelling variant: काठमाडौँ/काठमाडौं), punctuation turned into spaces.
 */
export function matchKey(text: string): string {
  return asciiDigits(canonicalText(text).toLowerCase())
    .replace(/\u0901/gu, "\u0902")
    .replace(NON_WORD, " ")
    .trim();
}

/** sha256 of the normalised title: equal for the same headline in another outlet or with other punctuation. */
export function titleHash(title: string): string {
  return createHash("sha256").update(matchKey(title), "utf8").digest("hex");
}
