import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeOpenAi } from "../testing/fake-openai";
import { article, createIntelTestDatabase, writeJsonl } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";

let t: IntelTestDatabase;
const root = mkdtempSync(path.join(os.tmpdir(), "intel-cli-"));

beforeAll(async () => {
  t = await createIntelTestDatabase();
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await t.drop();
  rmSync(root, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), ...args], {
      env: { ...process.env, DATABASE_URL: t.url, INIT_CWD: root, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("pnpm ingest", () => {
  it("ingests a folder, prints progress and a summary with bad lines by number, and moves the files", async () => {
    const inbox = path.join(root, "inbox");
    mkdirSync(inbox);
    writeJsonl(inbox, "day1.jsonl", [article({ ward: "KMC-11" }), "{oops", article({ ward: "KMC-11" })]);
    const { code, stdout } = await run("ingest.ts", ["inbox", "--move"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ingest: [1/1] day1.jsonl");
    expect(stdout).toMatch(/ingest: day1\.jsonl: 3 lines, [\d,]+ lines\/s, inserted 2, duplicates 0 \(near 0\), invalid 1/);
    expect(stdout).toMatch(/day1\.jsonl: partial in [\d.]+ s — 3 lines, inserted 2, duplicates 0, near-duplicates 0, invalid 1/);
    expect(stdout).toContain("  line 2: invalid JSON");
    expect(existsSync(path.join(root, "processed", "day1.jsonl"))).toBe(true);
  });

  it("analyses with OpenAI when INTEL_ANALYSER=openai, and says what is missing without a key", async () => {
    const openai = await new FakeOpenAi().start();
    try {
      openai.answer = (articles) => articles.map((a) => ({ index: a.index, sentiment: -0.5, topics: ["health"], party: null }));
      writeJsonl(root, "openai.jsonl", [article({ ward: "KMC-12" }), article({ ward: "KMC-12" })]);
      const settings = { INTEL_ANALYSER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: openai.baseURL, OPENAI_MODEL: "cli-model" };
      const { code, stdout } = await run("ingest.ts", ["openai.jsonl"], settings);
      expect(code).toBe(0);
      expect(stdout).toMatch(/openai\.jsonl: succeeded in [\d.]+ s — 2 lines, inserted 2/);
      const posts = await t.db.post.findMany({ where: { ward: { code: "KMC-12" } }, select: { analysedBy: true, topics: true } });
      expect(posts).toEqual([
        { analysedBy: "openai:cli-model", topics: ["health"] },
        { analysedBy: "openai:cli-model", topics: ["health"] },
      ]);
    } finally {
      await openai.stop();
    }
    const keyless = await run("ingest.ts", ["openai.jsonl"], { INTEL_ANALYSER: "openai", OPENAI_API_KEY: "" });
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain("INTEL_ANALYSER=openai needs OPENAI_API_KEY");
  });

  it("explains a missing path and exits non-zero", async () => {
    const { code, stderr } = await run("ingest.ts", ["nowhere.jsonl"]);
    expect(code).toBe(1);
    expect(stderr).toContain("nowhere.jsonl does not exist");
  });
});

describe("pnpm intel:form20", () => {
  it("loads a CSV and lists the rejected rows", async () => {
    writeFileSync(
      path.join(root, "ghmc.csv"),
      "ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected\n1,WARD_012,,70,,BJP,A,10,15,0\n1,WARD_012,,70,,INC,B,99,15,0\n",
    );
    const { code, stdout } = await run("form20.ts", ["ghmc.csv", "--election", "GHMC-2020"]);
    expect(code).toBe(1);
    expect(stdout).toContain("form20: GHMC-2020: 2 rows read, 1 loaded, 1 rejected; 1 polling stations; wards WARD_012");
    expect(stdout).toContain("  row 3: candidate votes (99) exceed the polled total (15)");
  });
});

describe("backfills", () => {
  it("print scanned, linked/updated and skipped counts", async () => {
    // Every epaper the tests above ingested already has its canonical hash.
    const epapers = await t.db.epaper.count();
    expect(epapers).toBeGreaterThan(0);
    const sha = await run("backfill-sha.ts", []);
    expect(sha.code).toBe(0);
    expect(sha.stdout).toMatch(new RegExp(`backfill-sha: scanned ${epapers}, updated 0, skipped 0 .*unchanged ${epapers}`, "u"));
    const links = await run("backfill-post-links.ts", []);
    expect(links.code).toBe(0);
    expect(links.stdout).toMatch(/backfill-post-links: scanned 0, linked 0, skipped 0 .*unmatched 0/);
  });
});
