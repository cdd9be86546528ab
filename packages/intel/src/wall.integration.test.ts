import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { raiseAlertsForWard } from "./alerts/raise";
import { listAlerts } from "./alerts/service";
import { backfillPostLinks } from "./backfill/backfill-post-links";
import { backfillSha } from "./backfill/backfill-sha";
import { exportPulseCsv, exportResultsCsv } from "./export/export";
import { loadForm20 } from "./form20/load";
import { ingestFile } from "./ingest/ingest-file";
import { listIngestRuns } from "./ingest/runs";
import { predictWard } from "./prediction/predict";
import { recomputeWardRollup } from "./pulse/rollup";
import { wardPulse } from "./pulse/ward-pulse";
import { article, createIntelTestDatabase, writeJsonl } from "./testing/intel-test-database";
import type { IntelTestDatabase } from "./testing/intel-test-database";
import { listIntelWards } from "./wards/list";
import { wardMeta } from "./wards/meta";

// The wall, proven at the database: the intel services run as a role that may not touch a single helpdesk table.
const HELPDESK_TABLES = ["Complainant", "Grievance", "GrievanceEvent", "GrievanceSequence", "Attachment", "Notification"];

let t: IntelTestDatabase;
let role: string;
let roleDb: Db;
let rolePg: pg.Client;
const dir = mkdtempSync(path.join(os.tmpdir(), "intel-wall-"));

beforeAll(async () => {
  t = await createIntelTestDatabase();
  role = `intel_wall_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await t.pg.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await t.pg.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await t.pg.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await t.pg.query(`REVOKE ALL ON ${HELPDESK_TABLES.map((name) => `"${name}"`).join(", ")} FROM ${role}`);
  const url = new URL(t.url);
  url.username = role;
  url.password = password;
  roleDb = createDb(url.toString(), { max: 3 });
  rolePg = new pg.Client({ connectionString: url.toString() });
  await rolePg.connect();
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await rolePg.end();
  await roleDb.$disconnect();
  await t.pg.query(`DROP OWNED BY ${role}`);
  await t.pg.query(`DROP ROLE ${role}`);
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the intel services", () => {
  it("run under a role that has no privilege on any helpdesk table", async () => {
    for (const table of HELPDESK_TABLES) {
      await expect(rolePg.query(`SELECT 1 FROM "${table}" LIMIT 1`)).rejects.toThrow(/permission denied/);
    }
  });

  it("ingest, analyse, alert, load Form 20, describe and predict without touching one", async () => {
    const file = writeJsonl(dir, "wall.jsonl", [
      article({ ward: "WARD_001", city: "Hyderabad", party: "BJP", publication_date: "2026-05-02" }),
      article({ title: "జూబ్లీ హిల్స్‌లో నీటి కొరత", city: "Hyderabad", publication_date: "2026-05-02" }),
    ]);
    const result = await ingestFile({ db: roleDb, pg: rolePg }, { path: file });
    expect(result).toMatchObject({ status: "SUCCEEDED", inserted: 2 });
    const wardId = t.wardId("WARD_001");
    await recomputeWardRollup(roleDb, wardId);
    await raiseAlertsForWard(roleDb, wardId);
    expect((await wardPulse(roleDb, { wardCode: "WARD_001", from: "2026-05-01", to: "2026-05-03" })).totals.posts).toBe(2);
    await listAlerts(roleDb, {});
    await listIngestRuns(roleDb);
    await listIntelWards(roleDb);
    const csv = path.join(dir, "f20.csv");
    writeFileSync(csv, "ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected\n1,WARD_001,,61,,BJP,A,10,20,0\n1,WARD_001,,61,,INC,B,8,20,0\n");
    await loadForm20(roleDb, { path: csv, election: "E-2020" });
    expect((await wardMeta(roleDb, { wardCode: "WARD_001" })).elections).toHaveLength(1);
    await predictWard(roleDb, { wardCode: "WARD_001", election: "E-2025" });
    expect((await exportPulseCsv(roleDb, { wardCode: "WARD_001", from: "2026-05-01", to: "2026-05-03" })).csv).toContain("WARD_001");
    expect((await exportResultsCsv(roleDb, { wardCode: "WARD_001" })).csv).toContain("E-2020,WARD_001");
    await backfillSha(roleDb);
    await backfillPostLinks(roleDb);
  });
});
