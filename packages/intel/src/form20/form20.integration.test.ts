import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../ingest/ingest-file";
import { listPredictions, predictWard } from "../prediction/predict";
import { article, createIntelTestDatabase, neutralWords, writeJsonl } from "../testing/intel-test-database";
import type { IntelTestDatabase } from "../testing/intel-test-database";
import { wardMeta } from "../wards/meta";
import { wardElections } from "./aggregates";
import { loadForm20 } from "./load";

let t: IntelTestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "intel-form20-"));
const HEADER = "ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected,electors";

function csv(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, [HEADER, ...rows].join("\n") + "\n");
  return file;
}

// Hand-checked sample. Jubilee Hills (WARD_001): station 101 (1,000 electors) BJP 400, INC 300, BRS 200, polled 920,
// rejected 20; station 102 (electors unknown) BJP 150, INC 240, BRS 60, polled 460, rejected 10.
// → BJP 550, INC 540, BRS 260 of 1,350 valid; margin 10; polled 1,380; turnout 920 / 1,000 = 0.92.
const GHMC_2020 = [
  "101,WARD_001,Jubilee Hills,61,9,BJP,A. Rao,400,920,20,1000",
  "101,WARD_001,Jubilee Hills,61,9,INC,B. Reddy,300,920,20,1000",
  "101,WARD_001,Jubilee Hills,61,9,BRS,C. Goud,200,920,20,1000",
  "102,,జూబ్లీ హిల్స్,61,9,BJP,A. Rao,150,460,10,",
  "102,,జూబ్లీ హిల్స్,61,9,INC,B. Reddy,240,460,10,",
  "102,,జూబ్లీ హిల్స్,61,9,BRS,C. Goud,60,460,10,",
  // Banjara Hills: one candidate's votes exceed the polled total (line 9) — rejected, the rest of the station loads.
  "201,WARD_002,Banjara Hills,61,9,BJP,D. Das,300,700,5,",
  "201,WARD_002,Banjara Hills,61,9,INC,E. Khan,2000,700,5,",
  "201,WARD_002,Banjara Hills,61,9,BRS,F. Naik,250,700,5,",
  // Khairatabad station 301: 500 + 450 > 900 polled — every row of the station rejected (lines 11 and 12).
  "301,WARD_003,Khairatabad,62,9,BJP,G. Pal,500,900,0,",
  "301,WARD_003,Khairatabad,62,9,INC,H. Sen,450,900,0,",
];

beforeAll(async () => {
  t = await createIntelTestDatabase();
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("Form 20", () => {
  it("loads stations and results, rejecting inconsistent rows with their line numbers", async () => {
    const result = await loadForm20(t.db, { path: csv("ghmc-2020.csv", GHMC_2020), election: "GHMC-2020" });
    expect(result).toMatchObject({ election: "GHMC-2020", rowsRead: 11, rowsLoaded: 8, rejectedCount: 3, pollingStations: 3, wards: ["WARD_001", "WARD_002"], unmatchedWardRows: 0 });
    expect(result.rejected).toEqual([
      { row: 9, reason: "candidate votes (2000) exceed the polled total (700)" },
      { row: 11, reason: "votes at station 301 of AC 62 sum to 950, more than the polled total (900)" },
      { row: 12, reason: "votes at station 301 of AC 62 sum to 950, more than the polled total (900)" },
    ]);
    expect(await t.db.electionResult.count({ where: { election: "GHMC-2020" } })).toBe(8);
    expect(await t.db.electionResult.count({ where: { wardId: t.wardId("WARD_003") } })).toBe(0);
  });

  it("aggregates a ward exactly as hand-checked", async () => {
    const [election] = await wardElections(t.db, t.wardId("WARD_001"));
    expect(election).toMatchObject({
      election: "GHMC-2020",
      pollingStations: 2,
      electors: 1000,
      totalPolled: 1380,
      validVotes: 1350,
      rejected: 30,
      turnout: 0.92,
      winner: "BJP",
      runnerUp: "INC",
      margin: 10,
    });
    expect(election?.parties).toEqual([
      { party: "BJP", votes: 550, share: 550 / 1350 },
      { party: "INC", votes: 540, share: 540 / 1350 },
      { party: "BRS", votes: 260, share: 260 / 1350 },
    ]);
    expect(election?.marginShare).toBeCloseTo(10 / 1350, 10);
  });

  it("reloading the same file changes nothing", async () => {
    const before = await t.db.electionResult.count();
    await loadForm20(t.db, { path: csv("ghmc-2020-again.csv", GHMC_2020), election: "GHMC-2020" });
    expect(await t.db.electionResult.count()).toBe(before);
    expect(await t.db.pollingStation.count()).toBe(3);
  });

  it("serves ward meta with updated_at = the newest nested timestamp", async () => {
    const wardId = t.wardId("WARD_001");
    await t.db.wardProfile.create({ data: { wardId, population: 120000, households: 30000, areaSqKm: 6.5, demographics: { literacy: 0.86 }, features: { lakes: 1 } } });
    const meta = await wardMeta(t.db, { wardCode: "WARD_001" });
    expect(meta.ward.name).toBe("Jubilee Hills");
    expect(meta.profile).toMatchObject({ population: 120000, households: 30000, areaSqKm: 6.5 });
    expect(meta.demographics).toEqual({ literacy: 0.86 });
    expect(meta.features).toEqual({ lakes: 1 });
    expect(meta.elections.map((e) => e.election)).toEqual(["GHMC-2020"]);
    const stamps = [meta.ward.updatedAt, meta.profile?.updatedAt, ...meta.elections.map((e) => e.updatedAt)].map((d) => d?.getTime() ?? 0);
    expect(meta.updated_at.getTime()).toBe(Math.max(...stamps));
    expect(meta.updated_at.getTime()).toBe(meta.profile?.updatedAt.getTime());

    const later = await t.db.wardProfile.update({ where: { wardId }, data: { population: 125000 } });
    expect((await wardMeta(t.db, { wardCode: "WARD_001" })).updated_at.getTime()).toBe(later.updatedAt.getTime());
    await expect(wardMeta(t.db, { wardCode: "NOPE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("prediction", () => {
  it("without recent coverage predicts the last result, and says so", async () => {
    const prediction = await predictWard(t.db, { wardCode: "WARD_001", election: "GHMC-2025", asOf: new Date("2026-07-01T00:00:00Z") });
    expect(prediction.voteShares).toEqual({ BJP: 0.4074, INC: 0.4, BRS: 0.1926 });
    expect(prediction.interval.BJP).toEqual([0.3574, 0.4574]);
    expect(prediction.method).toContain("GHMC-2020");
    expect(prediction.method).toContain("prediction equals the last result");
    expect(prediction.inputs).toMatchObject({ baseElection: "GHMC-2020", confidence: 0 });
  });

  it("swings towards the party recent coverage favours, within the bound", async () => {
    const lines = Array.from({ length: 30 }, (_, i) =>
      article({ ward: "WARD_001", city: "Hyderabad", party: "INC", publication_date: `2026-06-${String(1 + (i % 28)).padStart(2, "0")}`, title: `${neutralWords(4)} success`, body: `${neutralWords(20)} welcomed the improvement.` }),
    );
    await ingestFile({ db: t.db, pg: t.pg }, { path: writeJsonl(dir, "inc-coverage.jsonl", lines) });
    const prediction = await predictWard(t.db, { wardCode: "WARD_001", election: "GHMC-2025", asOf: new Date("2026-07-01T00:00:00Z") });
    // m(INC) = 1, w = 1: swing = min(0.05, 0.1·(1 − 0.4) + 0.05·s) = 0.05; BJP and BRS lose 10% of their share, bounded.
    expect(prediction.inputs).toMatchObject({ swings: { INC: 0.05, BJP: -0.0407, BRS: -0.0193 }, confidence: 1 });
    expect(prediction.voteShares.INC).toBeGreaterThan(0.44);
    expect(Object.values(prediction.voteShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it("is scored against actual results when they are loaded", async () => {
    // Actual GHMC-2025 in Jubilee Hills: INC 600, BJP 500, BRS 100 of 1,200.
    const result = await loadForm20(t.db, {
      path: csv("ghmc-2025.csv", [
        "101,WARD_001,Jubilee Hills,61,9,INC,B. Reddy,600,1250,50,",
        "101,WARD_001,Jubilee Hills,61,9,BJP,A. Rao,500,1250,50,",
        "101,WARD_001,Jubilee Hills,61,9,BRS,C. Goud,100,1250,50,",
      ]),
    });
    expect(result).toMatchObject({ election: "ghmc-2025", predictionsScored: 0 });
    const named = await loadForm20(t.db, { path: path.join(dir, "ghmc-2025.csv"), election: "GHMC-2025" });
    expect(named.predictionsScored).toBe(2);
    const ledger = await listPredictions(t.db, { wardCode: "WARD_001" });
    expect(ledger).toHaveLength(2);
    const first = ledger.find((p) => p.inputs.confidence === 0);
    // |0.4074 − 0.4167| + |0.4 − 0.5| + |0.1926 − 0.0833| over 3 parties.
    expect(first?.meanAbsError).toBeCloseTo((Math.abs(0.4074 - 500 / 1200) + Math.abs(0.4 - 0.5) + Math.abs(0.1926 - 100 / 1200)) / 3, 3);
    expect(first?.winnerCorrect).toBe(false);
    expect(first?.actualShares).toEqual({ INC: 0.5, BJP: 500 / 1200, BRS: 100 / 1200 });
    const swung = ledger.find((p) => p.inputs.confidence === 1);
    expect(swung?.winnerCorrect).toBe(true);
    expect(swung?.meanAbsError).toBeLessThan(first?.meanAbsError ?? 0);
    // Loading the result again scores nothing twice.
    expect((await loadForm20(t.db, { path: path.join(dir, "ghmc-2025.csv"), election: "GHMC-2025" })).predictionsScored).toBe(0);
  });

  it("refuses a ward without a Form 20 result", async () => {
    await expect(predictWard(t.db, { wardCode: "KMC-01", election: "KMC-2027" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
