import type { Db } from "@sunuwai/db";
import type { PostAnalyser } from "../analysis/analyser";
import { LEAD_SOURCE_CHARS, similarityTextFromTokens } from "../dedup/minhash";
import { dayNumber, dayString, NearDuplicateIndex } from "../dedup/near-duplicates";
import type { NearDuplicateOptions } from "../dedup/near-duplicates";
import { keyTokens, titleKeyHash } from "../text/normalize";
import { Gazetteer } from "../wards/gazetteer";
import { newEpaperId } from "./batch-writer";
import type { StagedArticle } from "./batch-writer";
import { postText } from "./prepare";
import type { PreparedArticle } from "./prepare";

/** Originals loaded per day from the database for near-duplicate checks. */
const ORIGINALS_PER_DAY = 5000;
/** Articles analysed together (one analyser call). */
const ANALYSIS_GROUP = 200;

export interface StagedBatch {
  /** Lines of the batch (valid, deduplicated within the batch). */
  size: number;
  /** Articles not stored yet, analysed and ready to write. */
  articles: StagedArticle[];
}

/**
 * Turns a batch of valid lines into articles ready to write: drops those already stored (or being written by the
 * batch before), then assigns wards, analyses, and decides near-duplicates — the costly part, done for new articles
 * only. Reads go through `db`, so they overlap with the previous batch's COPY on the ingestion connection.
 */
export class BatchStager {
  private readonly index: NearDuplicateIndex;
  private constructor(
    private readonly db: Db,
    private readonly gazetteer: Gazetteer,
    private readonly countryOf: ReadonlyMap<string, string>,
    private readonly analyser: PostAnalyser,
    nearDuplicates: NearDuplicateOptions | undefined,
  ) {
    this.index = new NearDuplicateIndex(nearDuplicates);
  }

  static async create(db: Db, analyser: PostAnalyser, nearDuplicates?: NearDuplicateOptions): Promise<BatchStager> {
    const wards = await db.ward.findMany({ select: { id: true, code: true, name: true, localName: true, aliases: true, country: true } });
    return new BatchStager(db, new Gazetteer(wards), new Map(wards.map((w) => [w.id, w.country])), analyser, nearDuplicates);
  }

  async stage(batch: readonly PreparedArticle[], inFlight: ReadonlySet<string>): Promise<StagedBatch> {
    const candidates = batch.filter((a) => !inFlight.has(a.sha256));
    const existing = await this.existingShas(candidates.map((a) => a.sha256));
    const fresh = candidates.filter((a) => !existing.has(a.sha256));
    await this.loadOriginals(fresh);
    const articles: StagedArticle[] = [];
    // Small groups: each article's words (hundreds of short strings) die young instead of filling the old heap.
    for (let from = 0; from < fresh.length; from += ANALYSIS_GROUP) {
      articles.push(...(await this.analyseGroup(fresh.slice(from, from + ANALYSIS_GROUP))));
    }
    return { size: batch.length, articles };
  }

  private async analyseGroup(group: readonly PreparedArticle[]): Promise<StagedArticle[]> {
    const texts = group.map((a) => {
      const titleTokens = keyTokens(a.title);
      const bodyTokens = keyTokens(a.bodyFlat);
      const wardId = this.gazetteer.assignTokens({ ward: a.wardHint, titleTokens, bodyTokens });
      return { titleTokens, bodyTokens, wardId };
    });
    const analyses = await this.analyser.analyse(
      group.map((a, i) => {
        const text = texts[i];
        return {
          title: a.title,
          body: a.body,
          language: a.language,
          country: text?.wardId ? (this.countryOf.get(text.wardId) ?? null) : null,
          party: a.party,
          ...(text ? { tokens: { title: text.titleTokens, body: text.bodyTokens } } : {}),
        };
      }),
    );
    return group.map((a, i): StagedArticle => {
      const analysis = analyses[i];
      const text = texts[i];
      if (!analysis || !text) throw new Error(`analyser ${this.analyser.id} returned fewer results than articles`);
      const id = newEpaperId();
      const titleKey = text.titleTokens.join(" ");
      const original = this.index.checkPrepared(dayNumber(a.publicationDate), {
        id,
        sha256: a.sha256,
        titleKey,
        text: similarityTextFromTokens(text.titleTokens, text.bodyTokens),
      });
      return {
        ...a,
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
    const rows = await this.db.$queryRaw<{ sha256: string }[]>`
      SELECT "sha256" FROM "Epaper" WHERE "sha256" = ANY(${shas}::text[])`;
    return new Set(rows.map((row) => row.sha256));
  }

  /** Loads the stored originals of the days around these articles into the near-duplicate index. */
  private async loadOriginals(articles: readonly PreparedArticle[]): Promise<void> {
    const missing = this.index.missingDays(new Set(articles.map((a) => dayNumber(a.publicationDate))));
    if (missing.length === 0) return;
    const rows = await this.db.$queryRaw<{ day: string; id: string; sha256: string; title: string; body: string }[]>`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, e."id"::text AS id, e."sha256", e."title", e."body"
      FROM unnest(${missing.map(dayString)}::date[]) AS d(day)
      CROSS JOIN LATERAL (
        SELECT "id", "sha256", "title", left("body", ${LEAD_SOURCE_CHARS}::int) AS "body" FROM "Epaper"
        WHERE "publicationDate" = d.day AND "duplicateOfId" IS NULL
        ORDER BY "createdAt" LIMIT ${ORIGINALS_PER_DAY}::int
      ) AS e`;
    const byDay = new Map<number, { id: string; sha256: string; title: string; body: string }[]>(missing.map((day) => [day, []]));
    for (const row of rows) byDay.get(dayNumber(row.day))?.push(row);
    for (const [day, originals] of byDay) this.index.loadDay(day, originals);
  }
}
