import { matchKey } from "../text/normalize";
import { estimatedSimilarity, minhashSignature, SIGNATURE_BINS, similarityText } from "./minhash";

/** LSH banding of the signature: 8 bands of 4 bins make texts with similarity ≥ ~0.7 meet in some band. */
const BANDS = 8;
const ROWS = SIGNATURE_BINS / BANDS;

export interface NearDuplicateOptions {
  /** Estimated trigram similarity of headline + lead at or above which two articles are one story. */
  threshold?: number;
  /** Days either side of an article's date searched for the original. */
  windowDays?: number;
  /** Articles kept in memory; whole days are dropped, least recently used first, beyond it. */
  maxEntries?: number;
  /** A headline needs this many words before an exact headline match alone marks a duplicate. */
  minTitleWords?: number;
}

export interface KnownArticle {
  /** Epaper id (stored, or chosen for a row about to be stored). */
  id: string;
  sha256: string;
  title: string;
  body: string;
}

export interface Original {
  id: string;
  sha256: string;
  /** "title": same normalised headline; "similar": headline + lead above the threshold. */
  reason: "title" | "similar";
  similarity: number;
}

interface IndexEntry {
  id: string;
  sha256: string;
  signature: Int32Array;
}

interface DayBucket {
  /** Normalised headline → its first entry. */
  titles: Map<string, IndexEntry>;
  /** One map per band: band key → index of the first entry with it. */
  bands: Map<number, number>[];
  entries: IndexEntry[];
}

/** One key per band, kept within V8's small-integer range so the band maps hash them cheaply. */
function bandKeys(signature: Int32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) h = Math.imul(h ^ (signature[band * ROWS + row] as number), 0x01000193);
    keys.push(h & 0x3fffffff);
  }
  return keys;
}

function wordCount(key: string): number {
  if (key === "") return 0;
  let words = 1;
  for (let i = key.indexOf(" "); i !== -1; i = key.indexOf(" ", i + 1)) words++;
  return words;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The originals (non-duplicate articles) of recent days, in memory, for one ingestion run. An article whose
 * headline equals an original's, or whose headline + lead is similar enough, within ±windowDays, is a near-duplicate
 * of it; otherwise it becomes an original itself.
 */
export class NearDuplicateIndex {
  readonly threshold: number;
  readonly windowDays: number;
  private readonly maxEntries: number;
  private readonly minTitleWords: number;
  private readonly days = new Map<number, DayBucket>();
  private entryCount = 0;

  constructor(options: NearDuplicateOptions = {}) {
    this.threshold = options.threshold ?? 0.6;
    this.windowDays = options.windowDays ?? 1;
    this.maxEntries = options.maxEntries ?? 30_000;
    this.minTitleWords = options.minTitleWords ?? 3;
  }

  /** Days around `days` whose originals are not in memory yet and should be loaded from the database. */
  missingDays(days: Iterable<number>): number[] {
    const missing = new Set<number>();
    for (const day of days) {
      for (let d = day - this.windowDays; d <= day + this.windowDays; d++) if (!this.days.has(d)) missing.add(d);
    }
    return [...missing].sort((a, b) => a - b);
  }

  /** Registers a day's stored originals (an empty list marks the day as loaded). */
  loadDay(day: number, originals: readonly KnownArticle[]): void {
    this.bucket(day);
    for (const article of originals) this.checkPrepared(day, { id: article.id, sha256: article.sha256, titleKey: matchKey(article.title), text: similarityText(article.title, article.body) }, true);
  }

  /** The original `article` duplicates, or null after registering it as an original. */
  check(day: number, article: KnownArticle): Original | null {
    return this.checkPrepared(day, { id: article.id, sha256: article.sha256, titleKey: matchKey(article.title), text: similarityText(article.title, article.body) });
  }

  /**
   * As `check`, from the headline in match form and `similarityText` already computed. `register` adds the article as
   * an original without looking (stored originals being loaded).
   */
  checkPrepared(day: number, article: { id: string; sha256: string; titleKey: string; text: string }, register = false): Original | null {
    return this.checkSignature(day, { id: article.id, sha256: article.sha256, titleKey: article.titleKey, signature: minhashSignature(article.text) }, register);
  }

  /** As `checkPrepared`, with the MinHash signature of the similarity text already computed. */
  checkSignature(day: number, article: { id: string; sha256: string; titleKey: string; signature: Int32Array }, register = false): Original | null {
    const { titleKey, signature } = article;
    const keys = bandKeys(signature);
    const titleWords = wordCount(titleKey);
    for (let d = day - this.windowDays; d <= day + this.windowDays && !register; d++) {
      const bucket = this.days.get(d);
      if (!bucket) continue;
      const byTitle = titleWords >= this.minTitleWords ? bucket.titles.get(titleKey) : undefined;
      if (byTitle && byTitle.sha256 !== article.sha256) return { id: byTitle.id, sha256: byTitle.sha256, reason: "title", similarity: 1 };
      for (let band = 0; band < BANDS; band++) {
        const index = bucket.bands[band]?.get(keys[band] as number);
        const entry = index === undefined ? undefined : bucket.entries[index];
        if (!entry || entry.sha256 === article.sha256) continue;
        const similarity = estimatedSimilarity(signature, entry.signature);
        if (similarity >= this.threshold) return { id: entry.id, sha256: entry.sha256, reason: "similar", similarity };
      }
    }
    this.insert(day, { id: article.id, sha256: article.sha256, signature }, titleKey, titleWords, keys);
    return null;
  }

  get size(): number {
    return this.entryCount;
  }

  private insert(day: number, entry: IndexEntry, titleKey: string, titleWords: number, keys: number[]): void {
    const bucket = this.bucket(day);
    if (titleWords >= this.minTitleWords && !bucket.titles.has(titleKey)) bucket.titles.set(titleKey, entry);
    const index = bucket.entries.push(entry) - 1;
    keys.forEach((key, band) => {
      const map = bucket.bands[band];
      if (map && !map.has(key)) map.set(key, index);
    });
    this.entryCount++;
    this.evict(day);
  }

  private bucket(day: number): DayBucket {
    let bucket = this.days.get(day);
    if (bucket) {
      // Re-insert to keep the map in least-recently-used order.
      this.days.delete(day);
    } else {
      bucket = { titles: new Map(), bands: Array.from({ length: BANDS }, () => new Map<number, number>()), entries: [] };
    }
    this.days.set(day, bucket);
    return bucket;
  }

  private evict(currentDay: number): void {
    for (const [day, bucket] of this.days) {
      if (this.entryCount <= this.maxEntries) return;
      if (Math.abs(day - currentDay) <= this.windowDays) continue;
      this.days.delete(day);
      this.entryCount -= bucket.entries.length;
    }
  }
}
