import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../ingest/ingest-file";
import { article, createIntelTestDatabase, neutralWords, writeJsonl } from "../testing/intel-test-database";
import type { ArticleFields, IntelTestDatabase } from "../testing/intel-test-database";
import { wardPulse } from "./ward-pulse";

let t: IntelTestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "intel-pulse-"));

const story = (date: string, outlet: string, topic: "water" | "road", party: string): ArticleFields =>
  article({ ward: "WARD_003", city: "Hyderabad", publication_date: date, publication_name: outlet, party, title: `${neutralWords(5)} ${topic}` });

beforeAll(async () => {
  t = await createIntelTestDatabase();
  const lines = [
    story("2026-06-01", "Outlet A", "water", "BJP"),
    story("2026-06-01", "Outlet A", "water", "BJP"),
    story("2026-06-01", "Outlet B", "road", "INC"),
    story("2026-06-02", "Outlet A", "road", "BJP"),
    ...["A", "A", "A", "B", "B", "B"].map((o, i) => story("2026-06-04", `Outlet ${o}`, "water", [0, 1, 3].includes(i) ? "BJP" : "INC")),
    // Only one outlet ever writes about Begumpet.
    article({ ward: "WARD_012", city: "Hyderabad", publication_date: "2026-06-01", publication_name: "Outlet A" }),
  ];
  await ingestFile({ db: t.db, pg: t.pg }, { path: writeJsonl(dir, "pulse.jsonl", lines) });
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("wardPulse", () => {
  it("reports volume and sentiment per day, every day of the period, with the posts behind each day", async () => {
    const pulse = await wardPulse(t.db, { wardCode: "ward_003", from: "2026-06-01", to: "2026-06-04" });
    expect(pulse.ward.code).toBe("WARD_003");
    expect(pulse.totals).toEqual({ posts: 10, outlets: 2, averageSentiment: 0, negativeShare: 0 });
    expect(pulse.daily.map((d) => [d.day, d.posts, d.outlets, d.postIds.length])).toEqual([
      ["2026-06-01", 3, 2, 3],
      ["2026-06-02", 1, 1, 1],
      ["2026-06-03", 0, 0, 0],
      ["2026-06-04", 6, 2, 5],
    ]);
    expect(pulse.daily[2]?.averageSentiment).toBeNull();
    expect(pulse.daily[0]?.warnings).toEqual(["The figure for 2026-06-01 rests on 3 articles"]);
    expect(pulse.daily[1]?.warnings).toEqual(["The figure for 2026-06-02 rests on 1 article", "Every article on 2026-06-02 comes from one outlet"]);
    expect(pulse.daily[3]?.warnings).toEqual([]);
    for (const day of pulse.daily) {
      const posts = await t.db.post.findMany({ where: { id: { in: day.postIds } }, select: { publishedAt: true, wardId: true } });
      expect(posts.every((p) => p.publishedAt.toISOString().startsWith(day.day) && p.wardId === pulse.ward.id)).toBe(true);
    }
    expect(pulse.warnings).toEqual([]);
    expect(pulse.updatedAt).toBeInstanceOf(Date);
  });

  it("ranks topics, party share and sources, each with its posts and warnings when thin", async () => {
    const pulse = await wardPulse(t.db, { wardCode: "WARD_003", from: "2026-06-01", to: "2026-06-04" });
    expect(pulse.topics.map((f) => [f.key, f.posts, f.share, f.postIds.length, f.warnings])).toEqual([
      ["water", 8, 0.8, 8, []],
      ["roads", 2, 0.2, 2, ['Topic "roads" rests on 2 articles']],
    ]);
    expect(pulse.parties.map((f) => [f.key, f.posts, f.share, f.warnings])).toEqual([
      ["BJP", 6, 0.6, []],
      ["INC", 4, 0.4, ["The share of INC rests on 4 articles"]],
    ]);
    expect(pulse.sources.map((f) => [f.key, f.posts, f.share, f.postIds.length])).toEqual([
      ["Outlet A", 6, 0.6, 6],
      ["Outlet B", 4, 0.4, 4],
    ]);
    const water = await t.db.post.findMany({ where: { id: { in: pulse.topics[0]?.postIds ?? [] } }, select: { topics: true } });
    expect(water.every((p) => p.topics.includes("water"))).toBe(true);
    const bjp = await t.db.post.findMany({ where: { id: { in: pulse.parties[0]?.postIds ?? [] } }, select: { party: true } });
    expect(bjp.map((p) => p.party)).toEqual(Array(6).fill("BJP"));
  });

  it("warns when a period rests on one outlet or few articles, and says what to do when empty", async () => {
    const single = await wardPulse(t.db, { wardCode: "WARD_012", from: "2026-06-01", to: "2026-06-01" });
    expect(single.warnings).toEqual(["The whole period rests on 1 article", "Every article in the period comes from one outlet (Outlet A)"]);
    const empty = await wardPulse(t.db, { wardCode: "WARD_012", from: "2025-01-01", to: "2025-01-31" });
    expect(empty.totals.posts).toBe(0);
    expect(empty.daily).toHaveLength(31);
    expect(empty.warnings).toEqual(["No articles for this ward in the period; ingest e-papers or widen the dates"]);
  });

  it("refuses unknown wards and impossible periods", async () => {
    await expect(wardPulse(t.db, { wardCode: "NOPE", from: "2026-06-01", to: "2026-06-02" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(wardPulse(t.db, { wardCode: "WARD_003", from: "2026-06-02", to: "2026-06-01" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(wardPulse(t.db, { wardCode: "WARD_003", from: "2026-02-30", to: "2026-03-01" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(wardPulse(t.db, { wardCode: "WARD_003", from: "2024-01-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
