import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalSha256 } from "../text/normalize";
import { createIntelTestDatabase } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";
import { newEpaperId, prepareSession, writeBatch } from "./batch-writer";
import type { StagedArticle } from "./batch-writer";

let t: IntelTestDatabase;
let runId: string;

beforeAll(async () => {
  t = await createIntelTestDatabase();
  await prepareSession(t.pg);
  runId = (await t.db.ingestRun.create({ data: { file: "direct" } })).id;
});
afterAll(async () => {
  await t.drop();
});

function staged(title: string, extra: Partial<StagedArticle> = {}): StagedArticle {
  const base = { publicationName: "Kantipur", publicationDate: "2026-08-01", title, body: `${title} body`, bodyFlat: `${title} body` };
  return {
    ...base,
    line: 1,
    sha256: canonicalSha256({ ...base, body: base.bodyFlat }),
    id: newEpaperId(),
    titleHash: canonicalSha256({ ...base, title: "t", body: title }),
    url: null,
    city: "Kathmandu",
    party: null,
    language: "en",
    wardHint: null,
    duplicateOfSha256: null,
    duplicateOfId: null,
    wardId: t.wardId("KMC-30"),
    sentiment: 0,
    topics: ["roads"],
    postParty: null,
    postText: title,
    ...extra,
  };
}

const write = (articles: StagedArticle[]) =>
  writeBatch(t.pg, {
    runId,
    analysedBy: "lexicon:v1",
    articles,
    rollup: () => [],
    counters: (inserted) => ({ linesTotal: articles.length, inserted: inserted.size, duplicates: 0, nearDuplicates: 0, invalid: 0 }),
  });

describe("writeBatch", () => {
  it("falls back to INSERT … ON CONFLICT when another run stored an article after the check", async () => {
    const original = staged("Original story");
    expect((await write([original])).insertedShas).toEqual(new Set([original.sha256]));
    // Same article again (as a concurrent run would write it), plus a new one and a near-duplicate whose original this
    // run knew under another id: the COPY fails, the conflict path stores what is new and links by sha256.
    const again = staged("Original story");
    const fresh = staged("Fresh story");
    const near = staged("Original story, reworded", { duplicateOfSha256: original.sha256, duplicateOfId: newEpaperId() });
    const outcome = await write([again, fresh, near]);
    expect(outcome.insertedShas).toEqual(new Set([fresh.sha256, near.sha256]));
    expect(await t.db.epaper.findUniqueOrThrow({ where: { sha256: near.sha256 }, select: { duplicateOfId: true } })).toEqual({ duplicateOfId: original.id });
    expect(await t.db.post.findFirstOrThrow({ where: { epaper: { sha256: near.sha256 } }, select: { isDuplicate: true } })).toEqual({ isDuplicate: true });
    expect(await t.db.epaper.count()).toBe(3);
    expect(await t.db.post.count()).toBe(3);
    expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
  });

  it("falls back when the original a near-duplicate points at is not where this run thought", async () => {
    const original = await t.db.epaper.findFirstOrThrow({ where: { title: "Original story" }, select: { id: true, sha256: true } });
    const near = staged("Original story, told again", { duplicateOfSha256: original.sha256, duplicateOfId: newEpaperId() });
    expect((await write([near])).insertedShas).toEqual(new Set([near.sha256]));
    expect(await t.db.epaper.findUniqueOrThrow({ where: { sha256: near.sha256 }, select: { duplicateOfId: true } })).toEqual({ duplicateOfId: original.id });
  });
});
