import { canonicalText } from "../text/normalize";
import { tokenize } from "../text/tokens";
import { PhraseMatcher } from "../text/phrase-matcher";
import { wordsOf } from "../text/words";
import type { WordList } from "../text/words";

export interface GazetteerWard {
  id: string;
  code: string;
  name: string;
  localName: string | null;
  aliases: readonly string[];
}

/** A hit in the headline says more about where a story happens than one in the body. */
const TITLE_WEIGHT = 3;

/**
 * Ward names, local names and aliases (Latin, Devanagari, Telugu …) → ward, built once per ingestion run from the
 * Ward table. A spelling shared by two wards is ambiguous and left out.
 */
export class Gazetteer {
  private readonly matcher = new PhraseMatcher<string>();
  private readonly byCode = new Map<string, string>();

  constructor(wards: readonly GazetteerWard[]) {
    const owners = new Map<string, Set<string>>();
    for (const ward of wards) {
      this.byCode.set(ward.code.toUpperCase(), ward.id);
      for (const spelling of [ward.name, ward.localName, ...ward.aliases]) {
        if (!spelling) continue;
        const key = tokenize(spelling).join(" ");
        if (key === "") continue;
        const set = owners.get(key) ?? new Set<string>();
        set.add(ward.id);
        owners.set(key, set);
      }
    }
    for (const [key, wardIds] of owners) {
      const [only] = wardIds;
      if (wardIds.size === 1 && only) this.matcher.add(key, only);
    }
  }

  /** Ward id for a code such as `KMC-10` or `ward_001` (case-insensitive). */
  wardIdForCode(code: string): string | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  /** The ward named most in the title (weighted) and body; earliest mention breaks ties. */
  matchText(title: string, body: string): string | null {
    return this.matchWords(wordsOf(canonicalText(title)), wordsOf(canonicalText(body)));
  }

  /** As `matchText`, from the title's and body's word lists. */
  matchWords(title: WordList, body: WordList): string | null {
    const scores = new Map<string, { score: number; first: number }>();
    this.score(scores, title, TITLE_WEIGHT, 0);
    this.score(scores, body, 1, title.count);
    let best: string | null = null;
    let bestScore = 0;
    let bestFirst = 0;
    for (const [wardId, entry] of scores) {
      if (best === null || entry.score > bestScore || (entry.score === bestScore && entry.first < bestFirst)) {
        best = wardId;
        bestScore = entry.score;
        bestFirst = entry.first;
      }
    }
    return best;
  }

  private score(scores: Map<string, { score: number; first: number }>, words: WordList, weight: number, offset: number): void {
    for (const hit of this.matcher.find(words)) {
      const entry = scores.get(hit.value);
      if (entry) entry.score += weight;
      else scores.set(hit.value, { score: weight, first: offset + hit.start });
    }
  }

  /** Explicit ward code first, then the `ward` field read as a name, then the article text; null = city-level. */
  assign(article: { ward?: string | null | undefined; title: string; body: string }): string | null {
    return this.assignWords({ ward: article.ward, title: wordsOf(canonicalText(article.title)), body: wordsOf(canonicalText(article.body)) });
  }

  /** As `assign`, with the title's and body's word lists. */
  assignWords(article: { ward?: string | null | undefined; title: WordList; body: WordList }): string | null {
    if (article.ward) {
      const byCode = this.wardIdForCode(article.ward);
      if (byCode) return byCode;
      const byName = this.matchText(article.ward, "");
      if (byName) return byName;
    }
    return this.matchWords(article.title, article.body);
  }
}
