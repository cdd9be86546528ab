import { articleSha256, canonicalText, titleHash } from "../text/normalize";
import type { EpaperLine } from "./line-schema";

/** Characters of the body kept in `Post.text` after the headline; the full article stays in `Epaper.body`. */
const POST_LEAD_CHARS = 280;

/** A valid line in the form it is stored: canonical headline and publication, NFC body, identity hashes. */
export interface PreparedArticle {
  line: number;
  sha256: string;
  titleHash: string;
  publicationName: string;
  /** YYYY-MM-DD */
  publicationDate: string;
  title: string;
  body: string;
  url: string | null;
  city: string;
  party: string | null;
  language: string | null;
  wardHint: string | null;
}

export function prepareArticle(line: number, source: EpaperLine): PreparedArticle {
  const publicationName = canonicalText(source.publication_name);
  const title = canonicalText(source.title);
  const body = source.body.normalize("NFC").trim();
  return {
    line,
    sha256: articleSha256({ publicationName, publicationDate: source.publication_date, title, body }),
    titleHash: titleHash(title),
    publicationName,
    publicationDate: source.publication_date,
    title,
    body,
    url: source.url,
    city: canonicalText(source.city),
    party: source.party,
    language: source.language,
    wardHint: source.ward,
  };
}

/** Headline and lead, cut at a word boundary: what analysts see as a post and as alert evidence. */
export function postText(title: string, body: string): string {
  const flat = canonicalText(body);
  if (flat.length <= POST_LEAD_CHARS) return flat === "" ? title : `${title}\n\n${flat}`;
  const cut = flat.lastIndexOf(" ", POST_LEAD_CHARS);
  return `${title}\n\n${flat.slice(0, cut > POST_LEAD_CHARS / 2 ? cut : POST_LEAD_CHARS)}…`;
}
