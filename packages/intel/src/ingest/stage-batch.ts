import { setImmediate as nextTurn } from "node:timers/promises";
import type { PostAnalyser } from "../analysis/analyser";
import { LEAD_SOURCE_CHARS, minhashOfWords, SIGNATURE_BINS } from "../dedup/minhash";
import { dayNumber, dayString, NearDuplicateIndex } from "../dedup/near-duplicates";
import type { NearDuplicateOptions } from "../dedup/near-duplicates";
import type { SqlRunner } from "../sql";
import { titleKeyHash } from "../text/normalize";
import { joinWords, wordsOf } from "../text/words";
import { Gazetteer } from "../wards/gazetteer";
import { BatchCopyBuilder, newEpaperId } from "./batch-writer";
import type { BatchCopy, StagedArticle } from "./batch-writer";
import { postText } from "./prepare";
import type { PreparedArticle } from "./prepare";

/** Originals loaded per day from the database for near-duplicate checks. */
const ORIGINALS_PER_DAY = 5000;
/**
 * Articles analysed together (one analyser call). Between groups the event loop gets a turn (every few milliseconds),
 * so the batch before, being written meanwhile, never waits long for its next statement or COPY data.
 */
const ANALYSIS_GROUP = 25;

export interface StagedBatch {
  /** Lines of the batch (valid, deduplicated within the batch). */
  size: number;
  /** Articles not stored yet, analysed and ready to write. */
  articles: StagedArticle[];
  /** Their rows in COPY form. */
  copy: BatchCopy;
}

interface WardRow {
  id: string;
  code: string;
  name: string;
  localName: string | null;
  aliases: string[];
  country: string;
}

/**
 * Turns a batch of valid lines into articles ready to write: drops those already stored (or being written by the
 * batch before), then assigns wards, analyses, and decides near-duplicates — the costly part, done for new articles
 * only — and lays out their COPY rows. Reads go through `read`, so they overlap with the previous batch's COPY on the
 * ingestion connection.
 */
export class BatchStager {
  private readonly index: NearDuplicateIndex;
  /** The signature being checked (the index keeps its own copy). */
  private readonly signature = new Int32Array(SIGNATURE_BINS);
  private constructor(
    private readonly read: SqlRunner,
    private readonly runId: string,
    private readonly gazetteer: Gazetteer,
    private readonly countryOf: ReadonlyMap<string, string>,
    private readonly analyser: PostAnalyser,
    nearDuplicates: NearDuplicateOptions | undefined,
  ) {
    this.index = new NearDuplicateIndex(nearDuplicates);
  }

  static async create(read: SqlRunner, input: { runId: string; analyser: PostAnalyser; nearDuplicates?: NearDuplicateOptions }): Promise<BatchStager> {
    const { rows: wards } = await read.query<WardRow>(`SELECT "id"::text AS id, "code", "name", "localName", "aliases", "country" FROM "Ward"`);
    return new BatchStager(read, input.runId, new Gazetteer(wards), new Map(wards.map((w) => [w.id, w.country])), input.analyser, input.nearDuplicates);
  }

  async stage(batch: readonly PreparedArticle[], inFlight: ReadonlySet<string>): Promise<StagedBatch> {
    const candidates = batch.filter((a) => !inFlight.has(a.sha256));
    const existing = await this.existingShas(candidates.map((a) => a.sha256));
    const fresh = candidates.filter((a) => !existing.has(a.sha256));
    await this.loadOriginals(fresh);
    const articles: StagedArticle[] = [];
    const copy = new BatchCopyBuilder(this.runId, this.analyser.id, fresh.length);
    for (let from = 0; from < fresh.length; from += ANALYSIS_GROUP) {
      const group = await this.analyseGroup(fresh.slice(from, from + ANALYSIS_GROUP));
      copy.add(group);
      articles.push(...group);
      await nextTurn();
    }
    return { size: batch.length, articles, copy: copy.finish() };
  }

  private async analyseGroup(group: readonly PreparedArticle[]): Promise<StagedArticle[]> {
    const texts = group.map((a) => {
      const title = wordsOf(a.title);
      const body = wordsOf(a.bodyFlat);
      return { title, body, wardId: this.gazetteer.assignWords({ ward: a.wardHint, title, body }) };
    });
    const analyses = await this.analyser.analyse(
      texts.map((text, i) => {
        const a = group[i] as PreparedArticle;
        return {
          title: a.title,
          body: a.body,
          language: a.language,
          country: text.wardId ? (this.countryOf.get(text.wardId) ?? null) : null,
          party: a.party,
          words: { title: text.title, body: text.body },
        };
      }),
    );
    return group.map((a, i): StagedArticle => {
      const analysis = analyses[i];
      const text = texts[i];
      if (!analysis || !text) throw new Error(`analyser ${this.analyser.id} returned fewer results than articles`);
      const id = newEpaperId();
      const titleKey = joinWords(text.title);
      const original = this.index.checkSignature(dayNumber(a.publicationDate), {
        id,
        sha256: a.sha256,
        titleKey,
        titleWords: text.title.count,
        signature: minhashOfWords(text.title, text.body, this.signature),
      });
      // Fields listed one by one: an object spread here cost more than the whole analysis (V8 builds a new shape each time).
      return {
        line: a.line,
        sha256: a.sha256,
        publicationName: a.publicationName,
        publicationDate: a.publicationDate,
        title: a.title,
        body: a.body,
        bodyFlat: a.bodyFlat,
        url: a.url,
        city: a.city,
        party: a.party,
        language: a.language,
        wardHint: a.wardHint,
        id,
        titleHash: titleKeyHash(titleKey),
        duplicateOfSha256: original?.sha256 ?? null,
        duplicateOfId: original?.id ?? null,
        wardId: text.wardId,
        sentiment: analysis.sentiment,
        topics: analysis.topics,
        postParty: analysis.party,
        postText: postText(a.title, a.bodyFlat),
      };
    });
  }

  private async existingShas(shas: readonly string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    const { rows } = await this.read.query<{ sha256: string }>(`SELECT "sha256" FROM "Epaper" WHERE "sha256" = ANY($1::text[])`, [shas]);
    return new Set(rows.map((row) => row.sha256));
  }

  /** Loads the stored originals of the days around these articles into the near-duplicate index. */
  private async loadOriginals(articles: readonly PreparedArticle[]): Promise<void> {
    const missing = this.index.missingDays(new Set(articles.map((a) => dayNumber(a.publicationDate))));
    if (missing.length === 0) return;
    const { rows } = await this.read.query<{ day: string; id: string; sha256: string; title: string; body: string }>(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, e."id"::text AS id, e."sha256", e."title", e."body"
       FROM unnest($1::date[]) AS d(day)
       CROSS JOIN LATERAL (
         SELECT "id", "sha256", "title", left("body", $2::int) AS "body" FROM "Epaper"
         WHERE "publicationDate" = d.day AND "duplicateOfId" IS NULL
         ORDER BY "createdAt" LIMIT $3::int
       ) AS e`,
      [missing.map(dayString), LEAD_SOURCE_CHARS, ORIGINALS_PER_DAY],
    );
    const byDay = new Map<number, { id: string; sha256: string; title: string; body: string }[]>(missing.map((day) => [day, []]));
    for (const row of rows) byDay.get(dayNumber(row.day))?.push(row);
    for (const [day, originals] of byDay) this.index.loadDay(day, originals);
  }
}
