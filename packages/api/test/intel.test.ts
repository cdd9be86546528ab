// Ward intelligence over HTTP as an analyst and an admin use it: ingestion queued by an admin and run by the worker's
// handlers, then the pulse, evidence, alerts, saved alerts, ward profile, predictions and their ledger.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATA_DIR = `${process.env.TMPDIR ?? "/tmp"}/sunuwai-api-intel-${process.pid}`;
});

import { epaperInbox } from "@sunuwai/intel";
import {
  asUser,
  daysAgo,
  dropInInbox,
  failure,
  fixtureArticles,
  form20Csv,
  startIntelApi,
} from "./intel-harness";
import type { IntelApi } from "./intel-harness";

let api: IntelApi;
let analyst: Awaited<ReturnType<typeof asUser>>;
let admin: Awaited<ReturnType<typeof asUser>>;
const dataDir = process.env.DATA_DIR ?? "";
const form20Dir = path.join(dataDir, "form20");
const lastWeek = { from: daysAgo(6), to: daysAgo(0) };

beforeAll(async () => {
  api = await startIntelApi();
  analyst = await asUser(api.origin, api.cast.users.analyst.id);
  admin = await asUser(api.origin, api.cast.users.admin.id);
});

afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("ingestion started from the dashboard", () => {
  it("lists the inbox, queues a file behind a RUNNING run, and the worker's run fills in its counts", async () => {
    // Set up before the articles arrive, so ingestion raises the keyword alert with its evidence.
    const saved = await analyst.intel.savedAlerts.create.mutate({
      wardCode: "kmc-01",
      keywords: ["खानेपानी", " खानेपानी "],
    });
    expect(saved).toMatchObject({
      wardCode: "KMC-01",
      keywords: ["खानेपानी"],
      active: true,
      createdById: api.cast.users.analyst.id,
    });

    const name = dropInInbox("week.jsonl", fixtureArticles());
    expect((await admin.intel.inboxFiles.query()).map((f) => f.name)).toEqual(["week.jsonl"]);
    const queued = await admin.intel.ingest.mutate({ file: name });
    expect(queued).toMatchObject({
      file: "week.jsonl",
      status: "RUNNING",
      inserted: 0,
      triggeredById: api.cast.users.admin.id,
    });
    expect(await failure(admin.intel.ingest.mutate({ file: name }))).toMatchObject({
      code: "CONFLICT",
      message: "week.jsonl is already queued for ingestion.",
    });
    expect((await analyst.intel.ingestRuns.list.query()).items.map((r) => r.id)).toEqual([
      queued.id,
    ]);

    await api.runIngestJobs();
    const run = await analyst.intel.ingestRuns.detail.query({ id: queued.id });
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      linesTotal: 8,
      inserted: 8,
      duplicates: 0,
      invalid: 0,
      errors: [],
    });
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(existsSync(path.join(epaperInbox(), name))).toBe(false);
    expect(existsSync(path.join(dataDir, "epaper", "processed", name))).toBe(true);
  });

  it("reports the bad lines of a file by number while the good ones go in", async () => {
    const good = fixtureArticles()[0];
    const lines = [
      JSON.stringify({
        ...good,
        title: "काठमाडौं वडा १ मा बिजुली अवरुद्ध",
        body: "बिजुली बत्ती तीन दिनदेखि छैन।",
      }),
      '{"publication_name": "Kantipur", "title": "truncated',
      JSON.stringify({ ...good, title: "Impossible date", publication_date: "2026-02-30" }),
      "",
    ];
    mkdirSync(epaperInbox(), { recursive: true });
    writeFileSync(path.join(epaperInbox(), "mixed.jsonl"), lines.join("\r\n"));
    const queued = await admin.intel.ingest.mutate({ file: "mixed.jsonl" });
    await api.runIngestJobs();
    const run = await analyst.intel.ingestRuns.detail.query({ id: queued.id });
    expect(run).toMatchObject({ status: "PARTIAL", inserted: 1, invalid: 2 });
    expect(run.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it("takes only a file name from the inbox: no folders, no links out, nothing missing, nothing else", async () => {
    for (const file of [
      "../secrets.jsonl",
      "/etc/passwd.jsonl",
      "sub\\dir.jsonl",
      ".hidden.jsonl",
      "notes.txt",
    ]) {
      expect(await failure(admin.intel.ingest.mutate({ file }), file)).toMatchObject({
        code: "BAD_REQUEST",
        httpStatus: 400,
      });
    }
    expect(await failure(admin.intel.ingest.mutate({ file: "absent.jsonl" }))).toMatchObject({
      code: "NOT_FOUND",
      message: "There is no file absent.jsonl in the e-paper inbox.",
    });
    const outside = path.join(dataDir, "outside.jsonl");
    writeFileSync(outside, "{}\n");
    symlinkSync(outside, path.join(epaperInbox(), "link.jsonl"));
    expect(await failure(admin.intel.ingest.mutate({ file: "link.jsonl" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await api.db.ingestRun.count({ where: { file: { in: ["absent.jsonl", "link.jsonl"] } } }),
    ).toBe(0);
  });
});

describe("reading a ward", () => {
  it("lists wards with their local names and how many articles each has", async () => {
    const wards = await analyst.intel.wards.query();
    const byCode = new Map(wards.map((w) => [w.code, w]));
    expect(byCode.get("KMC-01")).toMatchObject({
      localName: "काठमाडौं वडा नं. १",
      posts: 7,
      lastPostDay: daysAgo(1),
    });
    expect(byCode.get("WARD_001")).toMatchObject({
      name: "Jubilee Hills",
      localName: "జూబ్లీ హిల్స్",
      posts: 2,
    });
    expect(byCode.get("KMC-02")).toMatchObject({ posts: 0, lastPostDay: null });
  });

  it("gives the pulse of a period with the posts behind each figure and warnings on thin figures", async () => {
    const pulse = await analyst.intel.pulse.query({ wardCode: "KMC-01", ...lastWeek });
    expect(pulse.ward).toMatchObject({ code: "KMC-01", localName: "काठमाडौं वडा नं. १" });
    expect(pulse.totals).toMatchObject({ posts: 7, outlets: 2 });
    expect(pulse.daily.map((d) => d.day)).toEqual(
      Array.from({ length: 7 }, (_, i) => daysAgo(6 - i)),
    );
    expect(pulse.daily.at(-2)).toMatchObject({ day: daysAgo(1), posts: 3, outlets: 2 });
    expect(pulse.sources.map((s) => s.key).sort()).toEqual(["Gorkhapatra", "Kantipur"]);
    const water = pulse.topics.find((t) => t.key === "water");
    expect(water?.postIds).toHaveLength(2);
    expect(water?.warnings).toContain('Topic "water" rests on 2 articles');
    expect(pulse.parties.map((p) => p.key).sort()).toEqual(["CPN-UML", "Nepali Congress"]);

    const evidence = await analyst.intel.posts.query({ ids: water?.postIds ?? [] });
    expect(evidence.map((p) => p.headline).sort()).toEqual([
      "खानेपानी ट्यांकर आउन छाड्यो",
      "वडा १ मा खानेपानी अभाव, नेपाली कांग्रेसको विरोध",
    ]);
    expect(
      evidence.every(
        (p) =>
          p.wardCode === "KMC-01" &&
          p.url?.startsWith("https://news.example.org/") &&
          p.analysedBy === "lexicon:v1",
      ),
    ).toBe(true);

    const telugu = await analyst.intel.pulse.query({ wardCode: "WARD_001", ...lastWeek });
    expect(telugu.totals.posts).toBe(2);
    expect(telugu.warnings).toEqual(
      expect.arrayContaining(["Every article in the period comes from one outlet (Eenadu)"]),
    );
  });

  it("refuses a period that ends before it starts, and an unknown ward", async () => {
    expect(
      await failure(
        analyst.intel.pulse.query({ wardCode: "KMC-01", from: daysAgo(0), to: daysAgo(3) }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await failure(analyst.intel.pulse.query({ wardCode: "NOWHERE-9", ...lastWeek })),
    ).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
  });
});

describe("alerts", () => {
  it("shows the keyword alert with its evidence, and acknowledging it takes it off the unacknowledged list", async () => {
    const { items } = await analyst.intel.alerts.list.query({ wardCode: "KMC-01" });
    const keyword = items.find((a) => a.kind === "KEYWORD");
    expect(keyword).toMatchObject({ wardCode: "KMC-01", acknowledgedAt: null });
    expect(keyword?.reason).toBe(`2 articles on ${daysAgo(1)} mention "खानेपानी"`);
    expect(keyword?.evidencePostIds).toHaveLength(2);

    const acknowledged = await analyst.intel.alerts.acknowledge.mutate({
      alertId: keyword?.id ?? "",
    });
    expect(acknowledged).toMatchObject({
      id: keyword?.id,
      acknowledgedById: api.cast.users.analyst.id,
    });
    expect(acknowledged.acknowledgedAt).toBeInstanceOf(Date);
    const open = await analyst.intel.alerts.list.query({
      wardCode: "KMC-01",
      unacknowledgedOnly: true,
    });
    expect(open.items.map((a) => a.id)).not.toContain(keyword?.id);
  });

  it("manages saved keyword alerts per ward: list, pause, change keywords, delete", async () => {
    const created = await analyst.intel.savedAlerts.create.mutate({
      wardCode: "WARD_001",
      keywords: ["తాగునీరు"],
    });
    expect(
      (await analyst.intel.savedAlerts.list.query({ wardCode: "WARD_001" })).map((s) => s.id),
    ).toEqual([created.id]);
    const paused = await analyst.intel.savedAlerts.update.mutate({
      id: created.id,
      active: false,
      keywords: ["రోడ్డు", "తాగునీరు"],
    });
    expect(paused).toMatchObject({ active: false, keywords: ["రోడ్డు", "తాగునీరు"] });
    expect(await analyst.intel.savedAlerts.delete.mutate({ id: created.id })).toEqual({
      id: created.id,
    });
    expect(await analyst.intel.savedAlerts.list.query({ wardCode: "WARD_001" })).toEqual([]);
    expect(
      await failure(analyst.intel.savedAlerts.delete.mutate({ id: created.id })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await failure(
        analyst.intel.savedAlerts.create.mutate({ wardCode: "WARD_001", keywords: [] }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("ward profile, predictions and the ledger", () => {
  it("gives the electoral aggregates of the loaded Form 20 with updated_at the newest stamp inside", async () => {
    await api.loadForm20(
      form20Csv(form20Dir, "kmc-2022.csv", { nc: 300, uml: 250, brs: 400, inc: 350 }),
      "KMC-2022",
    );
    const meta = await analyst.intel.wardMeta.query({ wardCode: "KMC-01" });
    const [election] = meta.elections;
    expect(election).toMatchObject({
      election: "KMC-2022",
      pollingStations: 2,
      electors: 2700,
      totalPolled: 1130,
      validVotes: 1100,
      winner: "Nepali Congress",
      runnerUp: "CPN-UML",
      margin: 100,
    });
    expect(election?.turnout).toBeCloseTo(1130 / 2700, 6);
    expect(election?.parties.map((p) => [p.party, p.share])).toEqual([
      ["Nepali Congress", 600 / 1100],
      ["CPN-UML", 500 / 1100],
    ]);
    const stamps = [meta.ward.updatedAt, ...meta.elections.map((e) => e.updatedAt)].map((d) =>
      d.getTime(),
    );
    expect(meta.updated_at.getTime()).toBe(Math.max(...stamps));
  });

  it("makes a prediction with its interval and method, and scores it once the actual result is loaded", async () => {
    expect(await analyst.intel.prediction.latest.query({ wardCode: "KMC-01" })).toBeNull();
    const prediction = await analyst.intel.prediction.create.mutate({
      wardCode: "KMC-01",
      election: "KMC-2027",
    });
    expect(Object.keys(prediction.voteShares).sort()).toEqual(["CPN-UML", "Nepali Congress"]);
    expect(Object.values(prediction.voteShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    const [low, high] = prediction.interval["Nepali Congress"] ?? [1, 0];
    expect(low).toBeLessThan(prediction.voteShares["Nepali Congress"] ?? 0);
    expect(high).toBeGreaterThan(prediction.voteShares["Nepali Congress"] ?? 1);
    expect(prediction.method).toContain("KMC-2022");
    expect(
      await analyst.intel.prediction.latest.query({ wardCode: "KMC-01", election: "KMC-2027" }),
    ).toMatchObject({ id: prediction.id });

    const before = await analyst.intel.ledger.query({ wardCode: "KMC-01" });
    expect(before.summary).toEqual({ scored: 0, meanAbsError: null, winnerCorrect: 0 });

    await api.loadForm20(
      form20Csv(form20Dir, "kmc-2027.csv", { nc: 250, uml: 300, brs: 400, inc: 350 }),
      "KMC-2027",
    );
    const ledger = await analyst.intel.ledger.query({ wardCode: "KMC-01" });
    expect(ledger.predictions.map((p) => p.id)).toEqual([prediction.id]);
    expect(ledger.predictions[0]).toMatchObject({
      winnerCorrect: false,
      actualShares: { "Nepali Congress": 500 / 1100, "CPN-UML": 600 / 1100 },
    });
    expect(ledger.summary.scored).toBe(1);
    expect(ledger.summary.winnerCorrect).toBe(0);
    expect(ledger.summary.meanAbsError).toBeCloseTo(ledger.predictions[0]?.meanAbsError ?? -1, 9);
    expect(ledger.summary.meanAbsError).toBeGreaterThan(0);
  });

  it("exports the pulse and the Form 20 results as CSV files", async () => {
    const pulse = await analyst.intel.export.pulse.query({ wardCode: "kmc-01", ...lastWeek });
    expect(pulse.fileName).toBe(`pulse_KMC-01_${lastWeek.from}_${lastWeek.to}.csv`);
    const pulseLines = pulse.csv
      .replace(/^\uFEFF/u, "")
      .trimEnd()
      .split("\r\n");
    expect(pulseLines[0]).toBe(
      "ward,from,to,figure,key,posts,share,average_sentiment,negative_posts,outlets,warnings",
    );
    expect(pulseLines.filter((l) => l.split(",")[3] === "day")).toHaveLength(7);
    const water = pulseLines.find((l) => l.includes(",topic,water,"));
    expect(water).toMatch(
      new RegExp(
        `^KMC-01,${lastWeek.from},${lastWeek.to},topic,water,2,${2 / 7},,,,"?Topic ""water"" rests on 2 articles`,
        "u",
      ),
    );

    const all = await analyst.intel.export.results.query({ wardCode: "KMC-01" });
    expect(all.fileName).toBe("form20_KMC-01.csv");
    const rows = all.csv
      .replace(/^\uFEFF/u, "")
      .trimEnd()
      .split("\r\n");
    expect(rows[0]).toBe(
      "election,ward,ac_id,pc_id,ps_id,ps_name,electors,party,candidate,votes,total_polled,rejected",
    );
    expect(new Set(rows.slice(1).map((r) => r.split(",")[0]))).toEqual(
      new Set(["KMC-2022", "KMC-2027"]),
    );
    const one = await analyst.intel.export.results.query({
      wardCode: "KMC-01",
      election: "KMC-2022",
    });
    expect(one.fileName).toBe("form20_KMC-01_KMC-2022.csv");
    expect(
      one.csv
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .every((r) => r.startsWith("KMC-2022,KMC-01,")),
    ).toBe(true);
    expect(
      await failure(analyst.intel.export.results.query({ wardCode: "NOWHERE-9" })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("says what to load when a ward has no Form 20 result to predict from", async () => {
    expect(
      await failure(
        analyst.intel.prediction.create.mutate({ wardCode: "KMC-02", election: "KMC-2027" }),
      ),
    ).toMatchObject({
      code: "NOT_FOUND",
      message:
        "No Form 20 result is loaded for ward KMC-02; load one with pnpm intel:form20 first.",
    });
  });
});
