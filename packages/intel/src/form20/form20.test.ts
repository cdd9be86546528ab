import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkStations } from "./check";
import { readForm20 } from "./parse";
import type { Form20Row, RejectedRow } from "./parse";

const dir = mkdtempSync(path.join(os.tmpdir(), "intel-form20-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(csv: string) {
  const file = path.join(dir, `f${Math.random()}.csv`);
  writeFileSync(file, csv);
  const rows: Form20Row[] = [];
  const rejected: RejectedRow[] = [];
  const count = await readForm20(file, (r) => rows.push(r), (r) => rejected.push(r));
  return { rows, rejected, count };
}

const HEADER = "ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected";

describe("readForm20", () => {
  it("reads rows with their file line numbers and rejects a candidate with more votes than were polled", async () => {
    const { rows, rejected, count } = await read(
      `\uFEFF${HEADER}\n1,WARD_001,Jubilee Hills,61,9,BJP,A,400,900,10\n1,WARD_001,Jubilee Hills,61,9,INC,B,950,900,10\n\n2,WARD_001,,61,,BRS,C,x,500,\n`,
    );
    expect(count).toBe(3);
    expect(rows.map((r) => [r.row, r.party, r.votes, r.rejected])).toEqual([[2, "BJP", 400, 10]]);
    expect(rejected).toEqual([
      { row: 3, reason: "candidate votes (950) exceed the polled total (900)" },
      { row: 5, reason: "votes must be a whole number" },
    ]);
  });

  it("refuses a file without the required columns", async () => {
    await expect(read("ps_id,party\n1,BJP\n")).rejects.toThrow(/lacks the columns ac_id, candidate, votes, total_polled/);
  });
});

describe("checkStations", () => {
  it("rejects every row of a station whose votes sum to more than its polled total", async () => {
    const { rows } = await read(
      `${HEADER}\n1,W,,61,,BJP,A,500,900,0\n1,W,,61,,INC,B,450,900,0\n2,W,,61,,BJP,A,300,700,0\n2,W,,61,,INC,B,300,700,0\n`,
    );
    const { valid, rejected } = checkStations(rows);
    expect(valid.map((r) => r.row)).toEqual([4, 5]);
    expect(rejected).toEqual([
      { row: 2, reason: "votes at station 1 of AC 61 sum to 950, more than the polled total (900)" },
      { row: 3, reason: "votes at station 1 of AC 61 sum to 950, more than the polled total (900)" },
    ]);
  });

  it("rejects stations whose rows disagree on the polled total, and a candidate listed twice", async () => {
    const { rows } = await read(`${HEADER}\n1,W,,61,,BJP,A,100,900,0\n1,W,,61,,INC,B,100,800,0\n2,W,,61,,BJP,A,100,700,0\n2,W,,61,,BJP,a,50,700,0\n`);
    const { valid, rejected } = checkStations(rows);
    expect(valid.map((r) => r.row)).toEqual([4]);
    expect(rejected.map((r) => r.row).sort()).toEqual([2, 3, 5]);
    expect(rejected.find((r) => r.row === 5)?.reason).toBe("candidate a appears twice at station 2 of AC 61");
  });
});
