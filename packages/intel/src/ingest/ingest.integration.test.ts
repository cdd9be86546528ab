import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PostAnalyser } from "../analysis/analyser";
import { LexiconAnalyser } from "../analysis/lexicon-analyser";
import { recomputeWardRollup } from "../pulse/rollup";
import { wardPulse } from "../pulse/ward-pulse";
import { article, createIntelTestDatabase, writeJsonl } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";
import { ingestFile } from "./ingest-file";

let t: IntelTestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "intel-ingest-"));

beforeAll(async () => {
  t = await createIntelTestDatabase();
});
afterEach(async () => {
  // The database-level guarantee, after every test: no sha256 twice, no epaper with two posts.
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

const counts = async () => {
  const [epapers, posts] = await Promise.all([t.db.epaper.count(), t.db.post.count()]);
  return { epapers, posts };
};

describe("ingestFile", () => {
  it("stores each article once with one post; a second run of the same file adds nothing", async () => {
    const before = await counts();
    const lines = Array.from({ length: 25 }, () => article({ ward: "KMC-05" }));
    const file = writeJsonl(dir, "twice.jsonl", lines);
    const first = await ingestFile({ db: t.db, pg: t.pg }, { path: file, batchSize: 10 });
    expect(first).toMatchObject({ status: "SUCCEEDED", linesTotal: 25, inserted: 25, duplicates: 0, invalid: 0 });
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ epapers: before.epapers + 25, posts: before.posts + 25 });

    const second = await ingestFile({ db: t.db, pg: t.pg }, { path: file, batchSize: 10 });
    expect(second).toMatchObject({ status: "SUCCEEDED", linesTotal: 25, inserted: 0, duplicates: 25, invalid: 0 });
    expect(await counts()).toEqual(afterFirst);

    const runs = await t.db.ingestRun.findMany({ where: { id: { in: [first.runId, second.runId] } }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => [r.inserted, r.duplicates, r.status])).toEqual([[25, 0, "SUCCEEDED"], [0, 25, "SUCCEEDED"]]);
    expect(runs[0]?.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[0]?.fileSha256).toBe(runs[1]?.fileSha256);
  });

  it("treats the same article with other whitespace or Unicode form as a duplicate", async () => {
    const base = article({ title: "Cafe\u0301 reopens near Ason", body: "The café  reopened\r\non Friday." });
    const file = writeJsonl(dir, "variants.jsonl", [base, { ...base, title: "  Caf\u00e9   reopens near Ason ", body: "The café reopened on Friday." }]);
    const result = await ingestFile({ db: t.db, pg: t.pg }, { path: file });
    expect(result).toMatchObject({ inserted: 1, duplicates: 1 });
  });

  it("two ingestions of one file at the same time store the same rows as one", async () => {
    const before = await counts();
    const file = writeJsonl(dir, "concurrent.jsonl", Array.from({ length: 60 }, () => article({ ward: "WARD_001", city: "Hyderabad" })));
    const [a, b] = await Promise.all([
      ingestFile({ db: t.db, pg: await t.connect() }, { path: file, batchSize: 7 }),
      ingestFile({ db: t.db, pg: await t.connect() }, { path: file, batchSize: 7 }),
    ]);
    expect(a.inserted + b.inserted).toBe(60);
    expect(a.duplicates + b.duplicates).toBe(60);
    expect(await counts()).toEqual({ epapers: before.epapers + 60, posts: before.posts + 60 });
    // The rollup counted each post once.
    const rollup = await t.db.wardPulseDaily.findUnique({ where: { wardId_day: { wardId: t.wardId("WARD_001"), day: new Date("2026-03-04") } } });
    expect(rollup?.posts).toBe(60);
  });

  it("copes with a BOM, CRLF and blank lines, and reports a truncated line, a bad date and a missing title by line number", async () => {
    const good = [article({ ward: "KMC-07" }), article({ ward: "KMC-07" }), article({ ward: "KMC-07" })];
    const { title: _t, ...untitled } = article();
    const content =
      "\uFEFF" +
      [
        JSON.stringify(good[0]),
        "",
        JSON.stringify(article({ publication_date: "2026-02-30" })),
        JSON.stringify(good[1]),
        '{"publication_name": "Kantipur", "publication_date": "2026-03-04", "title": "Cut sh',
        "   ",
        JSON.stringify(untitled),
        JSON.stringify(good[2]),
      ].join("\r\n") +
      "\r\n";
    const file = path.join(dir, "messy.jsonl");
    writeFileSync(file, content);
    const result = await ingestFile({ db: t.db, pg: t.pg }, { path: file });
    expect(result).toMatchObject({ status: "PARTIAL", linesTotal: 8, inserted: 3, invalid: 3 });
    expect(result.errors).toEqual([
      { line: 3, error: "publication_date is not a real calendar date" },
      { line: 5, error: "truncated line: the JSON ends early" },
      { line: 7, error: "title is missing" },
    ]);
    const run = await t.db.ingestRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run.errors).toEqual(result.errors);
    expect(await t.db.epaper.count({ where: { title: { in: good.map((g) => g.title ?? "") } } })).toBe(3);
  });

  it("finishes a run that died part-way without duplicating what it had stored", async () => {
    const lines = Array.from({ length: 30 }, () => article({ ward: "KMC-09" }));
    const file = writeJsonl(dir, "killed.jsonl", lines);
    // An analyser that dies on the second batch stands in for a killed process.
    let batches = 0;
    const lexicon = new LexiconAnalyser();
    const dying: PostAnalyser = {
      id: lexicon.id,
      analyse: (articles) => {
        batches++;
        if (batches === 2) throw new Error("killed");
        return lexicon.analyse(articles);
      },
    };
    await expect(ingestFile({ db: t.db, pg: t.pg }, { path: file, batchSize: 10, analyser: dying })).rejects.toThrow("killed");
    const stored = await t.db.epaper.count({ where: { wardHint: "KMC-09" } });
    expect(stored).toBe(10);
    const failed = await t.db.ingestRun.findFirstOrThrow({ where: { file }, orderBy: { startedAt: "desc" } });
    expect(failed.status).toBe("FAILED");

    const rerun = await ingestFile({ db: t.db, pg: t.pg }, { path: file, batchSize: 10 });
    expect(rerun).toMatchObject({ inserted: 20, duplicates: 10, status: "SUCCEEDED" });
    expect(await t.db.post.count({ where: { ward: { code: "KMC-09" } } })).toBe(30);
  });

  it("marks a run left RUNNING by a dead process as failed when the file is ingested again", async () => {
    const file = writeJsonl(dir, "stale.jsonl", [article()]);
    const stale = await t.db.ingestRun.create({ data: { file } });
    await ingestFile({ db: t.db, pg: t.pg }, { path: file });
    expect((await t.db.ingestRun.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("FAILED");
  });

  it("assigns wards from Devanagari and Telugu local names, and keeps unplaced articles city-level", async () => {
    const file = writeJsonl(dir, "scripts.jsonl", [
      article({ title: "काठमाडौं वडा नं. १२ मा खानेपानी अभाव", body: "स्थानीयले गुनासो गरे।", language: "ne" }),
      article({ title: "బంజారా హిల్స్‌లో రోడ్డు పనులు ఆలస్యం", body: "స్థానికుల ఆగ్రహం.", city: "Hyderabad", language: "te" }),
      article({ title: "City budget passed", body: "No ward is named here." }),
    ]);
    await ingestFile({ db: t.db, pg: t.pg }, { path: file });
    const posts = await t.db.post.findMany({
      where: { epaper: { ingestRun: { file } } },
      select: { wardId: true, text: true, sentiment: true, topics: true, analysedBy: true },
      orderBy: { createdAt: "asc" },
    });
    const byText = (start: string) => posts.find((p) => p.text.startsWith(start));
    expect(byText("काठमाडौं")?.wardId).toBe(t.wardId("KMC-12"));
    expect(byText("బంజారా")?.wardId).toBe(t.wardId("WARD_002"));
    expect(byText("City budget")?.wardId).toBeNull();
    expect(byText("काठमाडौं")?.sentiment).toBeLessThan(0);
    expect(byText("काठमाडौं")?.topics).toContain("water");
    expect(posts.every((p) => p.analysedBy === "lexicon:v1")).toBe(true);
  });

  it("links the same story from another outlet as a near-duplicate and counts it once in the pulse", async () => {
    const body =
      "Residents of Jubilee Hills went without drinking water for a third day after a main pipeline burst near the check post. " +
      "The water board said repairs would take until Thursday.";
    const file = writeJsonl(dir, "near.jsonl", [
      article({ publication_name: "Deccan Chronicle", publication_date: "2026-04-10", title: "Pipeline burst leaves Jubilee Hills dry", body, city: "Hyderabad" }),
      article({ publication_name: "Telangana Today", publication_date: "2026-04-10", title: "Jubilee Hills dry after pipeline burst", body: body.replace("third", "3rd"), city: "Hyderabad" }),
      article({ publication_name: "The Hindu", publication_date: "2026-04-11", title: "Pipeline burst leaves Jubilee Hills dry!", body: "Short wire copy.", city: "Hyderabad" }),
    ]);
    const result = await ingestFile({ db: t.db, pg: t.pg }, { path: file });
    expect(result).toMatchObject({ inserted: 3, nearDuplicates: 2 });
    const epapers = await t.db.epaper.findMany({ where: { ingestRunId: result.runId }, orderBy: { publicationName: "asc" }, select: { publicationName: true, id: true, duplicateOfId: true } });
    const original = epapers.find((e) => e.publicationName === "Deccan Chronicle");
    expect(original?.duplicateOfId).toBeNull();
    expect(epapers.filter((e) => e.duplicateOfId === original?.id).map((e) => e.publicationName).sort()).toEqual(["Telangana Today", "The Hindu"]);
    expect(await t.db.post.count({ where: { epaperId: { in: epapers.map((e) => e.id) }, isDuplicate: true } })).toBe(2);

    const pulse = await wardPulse(t.db, { wardCode: "WARD_001", from: "2026-04-09", to: "2026-04-12" });
    expect(pulse.totals.posts).toBe(1);
    expect(pulse.sources.map((s) => s.key)).toEqual(["Deccan Chronicle"]);
  });

  it("keeps the rollup equal to a full recompute from the posts", async () => {
    const wardId = t.wardId("KMC-05");
    const snapshot = async () =>
      (await t.db.wardPulseDaily.findMany({ where: { wardId }, orderBy: { day: "asc" } })).map(({ updatedAt: _u, ...row }) => row);
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(0);
    await recomputeWardRollup(t.db, wardId);
    expect(await snapshot()).toEqual(incremental);
  });

  it("refuses a file that does not exist", async () => {
    await expect(ingestFile({ db: t.db, pg: t.pg }, { path: path.join(dir, "missing.jsonl") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
