import { hash } from "node:crypto";
import { asciiDigits, wordsOf, wordStrings } from "./words";

export { asciiDigits };

const WHITESPACE_RUN = /\s+/gu;
/** Whitespace that canonicalisation changes: anything but a single space between words, or at either end. */
const UNCANONICAL_SPACE = /\s\s|[^\S ]|^\s|\s$/u;
/** Zero-width joiners/non-joiners and the BOM: invisible, and they split otherwise identical words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;

/** For ASCII text, whether it is canonical already (single spaces between words only); null when not ASCII. */
function asciiCanonical(text: string): boolean | null {
  let canonical = true;
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return null;
    if (code === 0x20) {
      if (previousSpace) canonical = false;
      previousSpace = true;
    } else {
      // \t \n \v \f \r
      if (code >= 0x09 && code <= 0x0d) canonical = false;
      previousSpace = false;
    }
  }
  return canonical && !(text.length > 0 && previousSpace);
}

/** NFC, invisible characters removed, whitespace collapsed to single spaces, trimmed. */
export function canonicalText(text: string): string {
  // ASCII is already NFC and has no invisible characters: one pass decides, for most English text.
  const ascii = asciiCanonical(text);
  if (ascii === true) return text;
  const visible = ascii === false ? text : text.normalize("NFC").replace(INVISIBLE, "");
  return UNCANONICAL_SPACE.test(visible) ? visible.replace(WHITESPACE_RUN, " ").trim() : visible;
}

/**
 * Words of already-canonical text in match form: lower-cased, ASCII digits, chandrabindu folded into anusvara (a
 * common Nepali spelling variant: काठमाडौँ/काठमाडौं), punctuation dropped.
 */
export function keyTokens(canonical: string): string[] {
  return wordStrings(wordsOf(canonical));
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
  return hash("sha256", canonical, "hex");
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
  return hash("sha256", matchKey(title), "hex");
}

/** sha256 of a title already in match form (see `matchKey`). */
export function titleKeyHash(titleKey: string): string {
  return hash("sha256", titleKey, "hex");
}
