import { createHash } from "node:crypto";

const ASCII_ONLY = /^\p{ASCII}*$/u;
const WHITESPACE_RUN = /\s+/gu;
/** Whitespace that canonicalisation changes: anything but a single space between words, or at either end. */
const UNCANONICAL_SPACE = /\s\s|[^\S ]|^\s|\s$/u;
/** Zero-width joiners/non-joiners and the BOM: invisible, and they split otherwise identical words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;
const WORD_ASCII = /[a-z0-9]+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NATIVE_DIGIT = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/gu;
const HAS_NATIVE_DIGIT = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/u;

const DIGIT_BLOCKS = [
  0x0966, // Devanagari ०
  0x0c66, // Telugu ౦
  0x09e6, // Bengali ০
  0x0ae6, // Gujarati ૦
] as const;

/** Devanagari/Telugu/… digits to ASCII, so "वडा नं. १०" and "वडा नं. 10" read alike. */
export function asciiDigits(text: string): string {
  if (!HAS_NATIVE_DIGIT.test(text)) return text;
  return text.replace(NATIVE_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = DIGIT_BLOCKS.find((base) => code >= base && code <= base + 9) ?? code;
    return String(code - zero);
  });
}

/** NFC, invisible characters removed, whitespace collapsed to single spaces, trimmed. */
export function canonicalText(text: string): string {
  // ASCII is already NFC and has no invisible characters: skip the costly part for most English text.
  const visible = ASCII_ONLY.test(text) ? text : text.normalize("NFC").replace(INVISIBLE, "");
  return UNCANONICAL_SPACE.test(visible) ? visible.replace(WHITESPACE_RUN, " ").trim() : visible;
}

/**
 * Words of already-canonical text in match form: lower-cased, ASCII digits, chandrabindu folded into anusvara (a
 * common Nepali spelling variant: काठमाडौँ/काठमाडौं), punctuation dropped.
 */
export function keyTokens(canonical: string): string[] {
  const lower = canonical.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower.match(WORD_ASCII) ?? [];
  const folded = asciiDigits(lower.includes("\u0901") ? lower.replace(/\u0901/gu, "\u0902") : lower);
  return folded.match(WORD) ?? [];
}

/** The form text is compared in (see `keyTokens`), as one space-separated string. */
export function matchKey(text: string): string {
  return keyTokens(canonicalText(text)).join(" ");
}

export interface CanonicalArticle {
  publicationName: string;
  /** YYYY-MM-DD */
  publicationDate: string;
  title: string;
  body: string;
}

/** sha256 (hex) over publication|date|title|body already in canonical form. */
export function canonicalSha256(article: CanonicalArticle): string {
  const canonical = `${article.publicationName}|${article.publicationDate}|${article.title}|${article.body}`;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** The identity of an article: sha256 (hex) over canonical publication|date|title|body. */
export function articleSha256(article: CanonicalArticle): string {
  return canonicalSha256({
    publicationName: canonicalText(article.publicationName),
    publicationDate: article.publicationDate,
    title: canonicalText(article.title),
    body: canonicalText(article.body),
  });
}

/** sha256 of the normalised title: equal for the same headline in another outlet or with other punctuation. */
export function titleHash(title: string): string {
  return createHash("sha256").update(matchKey(title), "utf8").digest("hex");
}

/** sha256 of a title already in match form (see `matchKey`). */
export function titleKeyHash(titleKey: string): string {
  return createHash("sha256").update(titleKey, "utf8").digest("hex");
}
