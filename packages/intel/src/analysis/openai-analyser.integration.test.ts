import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../ingest/ingest-file";
import { wardPulse } from "../pulse/ward-pulse";
import { FakeOpenAi } from "../testing/fake-openai";
import { article, createIntelTestDatabase, writeJsonl } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";
import { OpenAiAnalyser } from "./openai-analyser";

let t: IntelTestDatabase;
let openai: FakeOpenAi;
const dir = mkdtempSync(path.join(os.tmpdir(), "intel-openai-"));

beforeAll(async () => {
  [t, openai] = await Promise.all([createIntelTestDatabase(), new FakeOpenAi().start()]);
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await Promise.all([t.drop(), openai.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const analyser = () => new OpenAiAnalyser({ apiKey: "test-key", baseURL: openai.baseURL, model: "test-model", timeoutMs: 5_000 });

describe("the OpenAI analyser in place of the lexicon", () => {
  it("stores the model's sentiment, topics and party, records which analyser ran, and the pulse reads them", async () => {
    // The model calls every headline with "protest" negative and about water; the rest positive, about roads, UML.
    openai.answer = (articles) =>
      articles.map((a) =>
        a.title.includes("protest")
          ? { index: a.index, sentiment: -0.8, topics: ["water", "water"], party: "Nepali Congress" }
          : { index: a.index, sentiment: 2, topics: ["roads"], party: "CPN-UML" },
      );
    const lines = [
      article({ ward: "KMC-05", publication_date: "2026-07-01", title: "Residents protest over dry taps" }),
      article({ ward: "KMC-05", publication_date: "2026-07-01", title: "New road opens", publication_name: "Republica" }),
      // A party label from the source wins over the model, normalised as the lexicon does.
      article({ ward: "KMC-05", publication_date: "2026-07-01", title: "Ward office protest", party: "rsp" }),
    ];
    const result = await ingestFile({ db: t.db, pg: t.pg }, { path: writeJsonl(dir, "openai.jsonl", lines), analyser: analyser() });
    expect(result).toMatchObject({ status: "SUCCEEDED", inserted: 3 });
    expect(openai.models).toContain("test-model");

    const posts = await t.db.post.findMany({ where: { wardId: t.wardId("KMC-05") }, select: { text: true, sentiment: true, topics: true, party: true, analysedBy: true }, orderBy: { text: "asc" } });
    expect(posts.map((p) => [p.text.split("\n")[0], p.sentiment, p.topics, p.party, p.analysedBy])).toEqual([
      ["New road opens", 1, ["roads"], "CPN-UML", "openai:test-model"],
      ["Residents protest over dry taps", -0.8, ["water"], "Nepali Congress", "openai:test-model"],
      ["Ward office protest", -0.8, ["water"], "RSP", "openai:test-model"],
    ]);
    const pulse = await wardPulse(t.db, { wardCode: "KMC-05", from: "2026-07-01", to: "2026-07-01" });
    expect(pulse.topics.map((f) => [f.key, f.posts])).toEqual([["water", 2], ["roads", 1]]);
    expect(pulse.totals.negativeShare).toBeCloseTo(2 / 3, 6);
  });

  it("stops the run with a clear reason when the service fails, and a second run finishes the file", async () => {
    const file = writeJsonl(dir, "outage.jsonl", [article({ ward: "KMC-06" }), article({ ward: "KMC-06" })]);
    openai.failWith = 503;
    await expect(ingestFile({ db: t.db, pg: t.pg }, { path: file, analyser: analyser() })).rejects.toMatchObject({ code: "INTERNAL" });
    const failed = await t.db.ingestRun.findFirstOrThrow({ where: { file }, orderBy: { startedAt: "desc" } });
    expect(failed.status).toBe("FAILED");
    expect(JSON.stringify(failed.errors)).toMatch(/The OpenAI analyser \(test-model\) failed: 503.*run the ingestion again/u);
    expect(await t.db.post.count({ where: { wardId: t.wardId("KMC-06") } })).toBe(0);

    openai.failWith = null;
    const again = await ingestFile({ db: t.db, pg: t.pg }, { path: file, analyser: analyser() });
    expect(again).toMatchObject({ status: "SUCCEEDED", inserted: 2 });
    expect(await t.db.post.count({ where: { wardId: t.wardId("KMC-06"), analysedBy: "openai:test-model" } })).toBe(2);
  });
});
