import { hash } from "node:crypto";
import { wordsOf, wordStrings } from "./words";

const WHITESPACE_RUN = /\s+/gu;
/** Zero-width joiners/non-joiners and the BOM: invisible, and they split otherwise identical words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;

/** JavaScript's `\s` outside ASCII (U+FEFF, also whitespace, is dropped as invisible before this matters). */
function isWideSpace(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

const SPACING = 1;
const ASCII = 2;
const INVISIBLES = 4;

/**
 * One pass over the text: whether it is ASCII, holds invisible characters, and has whitespace other than single
 * spaces between words once those are dropped (NFC leaves whitespace alone, so this holds after normalising too).
 */
function survey(text: string): number {
  let flags = ASCII;
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x20) {
        if (previousSpace) flags |= SPACING;
        previousSpace = true;
      } else {
        // \t \n \v \f \r
        if (code >= 0x09 && code <= 0x0d) flags |= SPACING;
        previousSpace = false;
      }
      continue;
    }
    flags &= ~ASCII;
    if (isInvisible(code)) {
      flags |= INVISIBLES;
    } else if (isWideSpace(code)) {
      flags |= SPACING;
      previousSpace = true;
    } else {
      previousSpace = false;
    }
  }
  return text.length > 0 && previousSpace ? flags | SPACING : flags;
}

/** NFC, invisible characters removed, whitespace collapsed to single spaces, trimmed. */
export function canonicalText(text: string): string {
  const flags = survey(text);
  if (flags === ASCII) return text;
  // ASCII is already NFC and has no invisible characters.
  let visible = text;
  if ((flags & ASCII) === 0) {
    visible = text.normalize("NFC");
    if (flags & INVISIBLES) visible = visible.replace(INVISIBLE, "");
  }
  return flags & SPACING ? visible.replace(WHITESPACE_RUN, " ").trim() : visible;
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
