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

/** A day's originals, stored compactly (tens of thousands are kept): parallel arrays and one signature slab. */
interface DayBucket {
  ids: string[];
  shas: string[];
  /** Entry i's signature is `signatures[i * SIGNATURE_BINS …]`. */
  signatures: Int32Array;
  /** Normalised headline → its first entry. */
  titles: Map<string, number>;
  /** Band key (band number in the low bits) → the first entry with it. */
  bands: Map<number, number>;
}

const bandKeyScratch = new Int32Array(BANDS);

/** One key per band, band number included, kept within V8's small-integer range so the map hashes them cheaply. */
function bandKeys(signature: Int32Array): Int32Array {
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) h = Math.imul(h ^ (signature[band * ROWS + row] as number), 0x01000193);
    bandKeyScratch[band] = ((h & 0x07ffffff) << 3) | band;
  }
  return bandKeyScratch;
}

/** Estimated similarity of a signature to entry `index` of a bucket. */
function similarityTo(signature: Int32Array, bucket: DayBucket, index: number): number {
  return estimatedSimilarity(signature, bucket.signatures.subarray(index * SIGNATURE_BINS, (index + 1) * SIGNATURE_BINS));
}

function wordCount(key: string): number {
  if (key === "") return 0;
  let words = 1;
  for (let i = key.indexOf(" "); i !== -1; i = key.indexOf(" ", i + 1)) words++;
  return words;
}

let lastDate = "";
let lastDay = 0;

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  // Articles come day by day: the last date asked for is usually asked for again.
  if (date !== lastDate) {
    lastDate = date;
    lastDay = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  }
  return lastDay;
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

  /** As `checkPrepared`, with the MinHash signature of the similarity text (and the headline's word count) computed. */
  checkSignature(
    day: number,
    article: { id: string; sha256: string; titleKey: string; titleWords?: number; signature: Int32Array },
    register = false,
  ): Original | null {
    const { titleKey, signature } = article;
    const keys = bandKeys(signature);
    const titleWords = article.titleWords ?? wordCount(titleKey);
    for (let d = day - this.windowDays; d <= day + this.windowDays && !register; d++) {
      const bucket = this.days.get(d);
      if (!bucket) continue;
      const byTitle = titleWords >= this.minTitleWords ? bucket.titles.get(titleKey) : undefined;
      if (byTitle !== undefined && bucket.shas[byTitle] !== article.sha256) return this.original(bucket, byTitle, "title", 1);
      for (let band = 0; band < BANDS; band++) {
        const index = bucket.bands.get(keys[band] as number);
        if (index === undefined || bucket.shas[index] === article.sha256) continue;
        const similarity = similarityTo(signature, bucket, index);
        if (similarity >= this.threshold) return this.original(bucket, index, "similar", similarity);
      }
    }
    this.insert(day, article, titleWords, keys);
    return null;
  }

  private original(bucket: DayBucket, index: number, reason: Original["reason"], similarity: number): Original {
    return { id: bucket.ids[index] as string, sha256: bucket.shas[index] as string, reason, similarity };
  }

  get size(): number {
    return this.entryCount;
  }

  private insert(day: number, article: { id: string; sha256: string; titleKey: string; signature: Int32Array }, titleWords: number, keys: Int32Array): void {
    const bucket = this.bucket(day);
    const index = bucket.ids.length;
    bucket.ids.push(article.id);
    bucket.shas.push(article.sha256);
    if ((index + 1) * SIGNATURE_BINS > bucket.signatures.length) {
      const grown = new Int32Array(bucket.signatures.length * 2);
      grown.set(bucket.signatures);
      bucket.signatures = grown;
    }
    bucket.signatures.set(article.signature, index * SIGNATURE_BINS);
    if (titleWords >= this.minTitleWords && !bucket.titles.has(article.titleKey)) bucket.titles.set(article.titleKey, index);
    for (const key of keys) if (!bucket.bands.has(key)) bucket.bands.set(key, index);
    this.entryCount++;
    this.evict(day);
  }

  private bucket(day: number): DayBucket {
    let bucket = this.days.get(day);
    if (bucket) {
      // Re-insert to keep the map in least-recently-used order.
      this.days.delete(day);
    } else {
      bucket = { ids: [], shas: [], signatures: new Int32Array(64 * SIGNATURE_BINS), titles: new Map(), bands: new Map() };
    }
    this.days.set(day, bucket);
    return bucket;
  }

  private evict(currentDay: number): void {
    for (const [day, bucket] of this.days) {
      if (this.entryCount <= this.maxEntries) return;
      if (Math.abs(day - currentDay) <= this.windowDays) continue;
      this.days.delete(day);
      this.entryCount -= bucket.ids.length;
    }
  }
}
