import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../ingest/ingest-file";
import { article, createIntelTestDatabase, neutralWords, writeJsonl } from "../testing/intel-test-database";
import type { ArticleFields, IntelTestDatabase } from "../testing/intel-test-database";
import { raiseAlertsForWard } from "./raise";
import { acknowledgeAlert, createSavedAlert, deleteSavedAlert, listAlerts, listSavedAlerts, updateSavedAlert } from "./service";

let t: IntelTestDatabase;
let analystId: string;
const dir = mkdtempSync(path.join(os.tmpdir(), "intel-alerts-"));

beforeAll(async () => {
  t = await createIntelTestDatabase();
  analystId = (await t.db.user.create({ data: { email: "analyst@example.org", name: "Analyst", role: "ANALYST", passwordHash: "x" }, select: { id: true } })).id;
});
afterEach(async () => {
  expect(await t.duplicateRows()).toEqual({ sha256: [], epaperPosts: [] });
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

const day = (n: number) => new Date(Date.UTC(2026, 4, 1) + n * 86_400_000).toISOString().slice(0, 10);
const ingest = (name: string, lines: ArticleFields[]) => ingestFile({ db: t.db, pg: t.pg }, { path: writeJsonl(dir, name, lines) });
/** A road story in made-up words: topic "roads" (headline), no sentiment words, no party. */
const roadStory = (ward: string, date: string, outlet = "Kantipur"): ArticleFields =>
  article({ publication_name: outlet, publication_date: date, ward, title: `${neutralWords(5)} road` });

describe("alerts after ingestion", () => {
  it("raises exactly one volume-spike alert with its evidence, and never the same alert twice", async () => {
    const baseline = Array.from({ length: 28 }, (_, i) => roadStory("KMC-20", day(i), i % 2 ? "Kantipur" : "Republica"));
    const quiet = await ingest("baseline.jsonl", baseline);
    expect(quiet.alerts.raised).toBe(0);

    const spikeDay = day(28);
    const spike = Array.from({ length: 24 }, (_, i) => roadStory("KMC-20", spikeDay, i % 2 ? "Kantipur" : "Republica"));
    const result = await ingest("spike.jsonl", spike);
    expect(result.alerts).toEqual({ raised: 1, byKind: { VOLUME_SPIKE: 1 } });

    const wardId = t.wardId("KMC-20");
    const alerts = await t.db.alert.findMany({ where: { wardId } });
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert?.kind).toBe("VOLUME_SPIKE");
    expect(alert?.severity).toBe("HIGH");
    expect(alert?.reason).toBe(`24 articles on ${spikeDay}, against 1 a day over the previous 28 days (z = 23)`);
    expect(alert?.evidencePostIds).toHaveLength(20);
    const evidence = await t.db.post.findMany({ where: { id: { in: alert?.evidencePostIds ?? [] } }, select: { wardId: true, publishedAt: true } });
    expect(evidence).toHaveLength(20);
    expect(evidence.every((p) => p.wardId === wardId && p.publishedAt.toISOString().startsWith(spikeDay))).toBe(true);

    const again = await ingest("spike-again.jsonl", spike);
    expect(again).toMatchObject({ inserted: 0, alerts: { raised: 0 } });
    expect((await raiseAlertsForWard(t.db, wardId)).raised).toBe(0);
    expect(await t.db.alert.count({ where: { wardId } })).toBe(1);
  });

  it("raises a negative-sentiment surge for a party, with its negative articles as evidence", async () => {
    const baseline = Array.from({ length: 28 }, (_, i) => ({ ...roadStory("KMC-21", day(i)), party: "RSP" }));
    await ingest("rsp-baseline.jsonl", baseline);
    const surgeDay = day(28);
    const negative = Array.from({ length: 4 }, (_, i) =>
      article({ ward: "KMC-21", party: "RSP", publication_date: surgeDay, publication_name: `Outlet ${i}`, title: `${neutralWords(3)} accused of fraud`, body: `${neutralWords(20)} angry over corruption and failed promises.` }),
    );
    const result = await ingest("rsp-surge.jsonl", negative);
    expect(result.alerts.byKind.NEGATIVE_SURGE).toBe(1);
    const alert = await t.db.alert.findFirstOrThrow({ where: { wardId: t.wardId("KMC-21"), kind: "NEGATIVE_SURGE" } });
    expect(alert.reason).toBe(`4 of 4 articles about RSP on ${surgeDay} were negative, against 0% over the previous 28 days`);
    expect(alert.dedupeKey).toBe(`NEGATIVE_SURGE:${t.wardId("KMC-21")}:RSP:${surgeDay}`);
    const evidence = await t.db.post.findMany({ where: { id: { in: alert.evidencePostIds } }, select: { sentiment: true, party: true } });
    expect(evidence).toHaveLength(4);
    expect(evidence.every((p) => p.party === "RSP" && (p.sentiment ?? 0) < 0)).toBe(true);
    // "corruption" never appeared in the ward's previous 28 days: a new topic, raised once.
    expect(result.alerts.byKind.NEW_TOPIC).toBe(1);
  });

  it("raises a new topic once, with the articles about it as evidence", async () => {
    await ingest("kmc24-baseline.jsonl", Array.from({ length: 28 }, (_, i) => roadStory("KMC-24", day(i))));
    const topicDay = day(28);
    const hospital = Array.from({ length: 3 }, (_, i) =>
      article({ ward: "KMC-24", publication_date: topicDay, publication_name: `Outlet ${i}`, title: `${neutralWords(5)} hospital` }),
    );
    const result = await ingest("kmc24-hospital.jsonl", [...hospital, roadStory("KMC-24", topicDay)]);
    expect(result.alerts).toEqual({ raised: 1, byKind: { NEW_TOPIC: 1 } });
    const alert = await t.db.alert.findFirstOrThrow({ where: { wardId: t.wardId("KMC-24") } });
    expect(alert).toMatchObject({
      kind: "NEW_TOPIC",
      severity: "LOW",
      reason: `New topic "health": 3 articles on ${topicDay}, none in the previous 28 days`,
    });
    const evidence = await t.db.post.findMany({ where: { id: { in: alert.evidencePostIds } }, select: { topics: true } });
    expect(evidence).toHaveLength(3);
    expect(evidence.every((p) => p.topics.includes("health"))).toBe(true);
    expect((await ingest("kmc24-hospital-again.jsonl", hospital)).alerts.raised).toBe(0);
    expect((await raiseAlertsForWard(t.db, t.wardId("KMC-24"))).raised).toBe(0);
  });

  it("raises a saved keyword alert for a ward once per day, and lists, acknowledges and manages alerts", async () => {
    const saved = await createSavedAlert(t.db, { wardCode: "kmc-22", keywords: [" landfill ", "Landfill", "सिसडोल"], userId: analystId });
    expect(saved.keywords).toEqual(["landfill", "सिसडोल"]);
    const date = day(40);
    const lines = [
      article({ ward: "KMC-22", publication_date: date, body: "Trucks queued at the landfill site all night." }),
      article({ ward: "KMC-22", publication_date: date, title: "सिसडोलमा फोहोर थुप्रियो", body: "स्थानीय बासिन्दा चिन्तित।" }),
      article({ ward: "KMC-22", publication_date: date, body: "Nothing about waste sites here." }),
      article({ ward: "KMC-23", publication_date: date, body: "Another ward's landfill." }),
    ];
    const first = await ingest("keywords.jsonl", lines);
    expect(first.alerts.byKind.KEYWORD).toBe(1);
    const alert = await t.db.alert.findFirstOrThrow({ where: { savedAlertId: saved.id } });
    expect(alert.evidencePostIds).toHaveLength(2);
    expect(alert.reason).toBe(`2 articles on ${date} mention "landfill", "सिसडोल"`);
    expect((await raiseAlertsForWard(t.db, t.wardId("KMC-22"))).raised).toBe(0);

    const listed = await listAlerts(t.db, { wardCode: "KMC-22", kinds: ["KEYWORD"] });
    expect(listed.items.map((a) => a.id)).toEqual([alert.id]);
    expect(listed.items[0]?.wardCode).toBe("KMC-22");
    const acknowledged = await acknowledgeAlert(t.db, { alertId: alert.id, userId: analystId });
    expect(acknowledged.acknowledgedById).toBe(analystId);
    expect((await listAlerts(t.db, { wardCode: "KMC-22", unacknowledgedOnly: true })).items).toEqual([]);

    const paused = await updateSavedAlert(t.db, { id: saved.id, active: false });
    expect(paused.active).toBe(false);
    expect((await listSavedAlerts(t.db, { wardCode: "KMC-22" })).map((s) => s.id)).toEqual([saved.id]);
    await deleteSavedAlert(t.db, { id: saved.id });
    await expect(deleteSavedAlert(t.db, { id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The alert it raised stays, unlinked.
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).savedAlertId).toBeNull();
  });

  it("pages through alerts newest first", async () => {
    const page1 = await listAlerts(t.db, { limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listAlerts(t.db, { limit: 1, cursor: page1.nextCursor ?? undefined });
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    await expect(listAlerts(t.db, { wardCode: "NOPE-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
