import { canonicalSha256, canonicalText } from "../text/normalize";
import type { EpaperLine } from "./line-schema";

/** Characters of the body kept in `Post.text` after the headline; the full article stays in `Epaper.body`. */
const POST_LEAD_CHARS = 280;

/** A valid line in the form it is stored: canonical headline and publication, NFC body, identity hash. */
export interface PreparedArticle {
  line: number;
  sha256: string;
  publicationName: string;
  /** YYYY-MM-DD */
  publicationDate: string;
  title: string;
  /** As stored: NFC, trimmed, paragraphs kept. */
  body: string;
  /** Canonical body (whitespace collapsed): what the hash, the analysis and the post text read. */
  bodyFlat: string;
  url: string | null;
  city: string;
  party: string | null;
  language: string | null;
  wardHint: string | null;
}

export function prepareArticle(line: number, source: EpaperLine): PreparedArticle {
  const publicationName = canonicalText(source.publication_name);
  const title = canonicalText(source.title);
  const bodyFlat = canonicalText(source.body);
  // Stored body keeps its line breaks; canonicalText already proved it NFC-clean when it had no non-ASCII text.
  const body = bodyFlat === source.body ? bodyFlat : source.body.normalize("NFC").trim();
  return {
    line,
    sha256: canonicalSha256({ publicationName, publicationDate: source.publication_date, title, body: bodyFlat }),
    publicationName,
    publicationDate: source.publication_date,
    title,
    body,
    bodyFlat,
    url: source.url,
    city: canonicalText(source.city),
    party: source.party,
    language: source.language,
    wardHint: source.ward,
  };
}

/** Headline and lead of an already-canonical body, cut at a word boundary: what analysts see as a post and as evidence. */
export function postText(title: string, bodyFlat: string): string {
  if (bodyFlat.length <= POST_LEAD_CHARS) return bodyFlat === "" ? title : `${title}\n\n${bodyFlat}`;
  const cut = bodyFlat.lastIndexOf(" ", POST_LEAD_CHARS);
  return `${title}\n\n${bodyFlat.slice(0, cut > POST_LEAD_CHARS / 2 ? cut : POST_LEAD_CHARS)}…`;
}
