import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleSha256, titleHash } from "../text/normalize";
import { createIntelTestDatabase } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";
import { backfillPostLinks } from "./backfill-post-links";
import { backfillSha } from "./backfill-sha";

let t: IntelTestDatabase;

beforeAll(async () => {
  t = await createIntelTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

/** An epaper as the original system stored it: hashed over the raw text. */
async function legacyEpaper(fields: { title: string; body: string; publicationName?: string; date?: string }) {
  const publicationName = fields.publicationName ?? "Kantipur";
  const date = fields.date ?? "2025-12-01";
  const legacySha = createHash("sha256").update(`${publicationName}${fields.title}${fields.body}${randomUUID()}`).digest("hex");
  return t.db.epaper.create({
    data: { sha256: legacySha, publicationName, publicationDate: new Date(`${date}T00:00:00Z`), title: fields.title, body: fields.body, titleHash: legacySha },
  });
}

describe("pnpm intel:backfill-sha", () => {
  it("gives legacy epapers their canonical hash, skipping (and counting) one whose hash another epaper holds", async () => {
    const legacy = await legacyEpaper({ title: "Ward  office moves", body: "The office\nmoves on Sunday." });
    const twinA = await legacyEpaper({ title: "Same story", body: "Body text." });
    const twinB = await legacyEpaper({ title: "Same  story", body: "Body   text." });
    const result = await backfillSha(t.db);
    expect(result).toEqual({ scanned: 3, updated: 2, skipped: 1, unchanged: 0 });
    const canonical = articleSha256({ publicationName: "Kantipur", publicationDate: "2025-12-01", title: legacy.title, body: legacy.body });
    expect(await t.db.epaper.findUniqueOrThrow({ where: { id: legacy.id } })).toMatchObject({ sha256: canonical, titleHash: titleHash(legacy.title) });
    const twins = await t.db.epaper.findMany({ where: { id: { in: [twinA.id, twinB.id] } }, select: { sha256: true } });
    expect(twins.filter((e) => e.sha256 === articleSha256({ publicationName: "Kantipur", publicationDate: "2025-12-01", title: "Same story", body: "Body text." }))).toHaveLength(1);
    expect(await backfillSha(t.db)).toEqual({ scanned: 3, updated: 0, skipped: 1, unchanged: 2 });
  });
});

describe("pnpm intel:backfill-post-links", () => {
  it("links legacy posts to their epaper, skipping (and counting) links the one-post-per-epaper index forbids", async () => {
    const wardId = t.wardId("KMC-15");
    const epaper = await legacyEpaper({ title: "Bagmati clean-up drive draws hundreds", body: "Volunteers gathered at dawn.", date: "2025-12-02" });
    const other = await legacyEpaper({ title: "Ring road widening resumes", body: "Work restarts.", date: "2025-12-02" });
    await t.db.post.create({ data: { text: "Already linked", source: "Kantipur", publishedAt: new Date("2025-12-02T00:00:00Z"), epaperId: other.id, wardId } });
    const base = { source: "kantipur ", publishedAt: new Date("2025-12-02T06:00:00Z"), wardId, topics: [] as string[], sentiment: 0 };
    const first = await t.db.post.create({ data: { ...base, text: "Bagmati clean-up drive draws hundreds — volunteers gathered at dawn." } });
    const second = await t.db.post.create({ data: { ...base, text: "BAGMATI clean up drive draws hundreds" } });
    await t.db.post.create({ data: { ...base, text: "Ring road widening resumes, says the department" } });
    await t.db.post.create({ data: { ...base, text: "A story no epaper carries" } });

    const result = await backfillPostLinks(t.db);
    expect(result).toEqual({ scanned: 4, linked: 1, skipped: 2, unmatched: 1 });
    const linked = await t.db.post.findMany({ where: { epaperId: epaper.id }, select: { id: true } });
    // Both legacy posts open with the headline; the first in id order gets the link, the other is skipped.
    expect(linked.map((p) => p.id)).toEqual([[first.id, second.id].sort()[0]]);
    expect((await t.db.wardPulseDaily.findMany({ where: { wardId } })).reduce((n, r) => n + r.posts, 0)).toBe(5);
    expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
    expect(await backfillPostLinks(t.db)).toEqual({ scanned: 3, linked: 0, skipped: 2, unmatched: 1 });
  });
});
