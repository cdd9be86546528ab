// The ward intelligence REST routes and CSV exports against the production build (`next start`), with data loaded
// through the intel services: shapes, who may call them, and the errors.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApiToken } from "@sunuwai/auth";
import { createDb } from "@sunuwai/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  restAlertsSchema,
  restPredictionSchema,
  restPulseSchema,
  restWardMetaSchema,
} from "../src/server/intel/rest-shapes";
import { startAppServer } from "./app-server";
import type { AppServer } from "./app-server";
import { signIn } from "./files-client";
import { WATCHED_KEYWORD, daysAgo, loadIntelFixture } from "./intel-fixture";

let app: AppServer;
const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-intel-rest-"));
const tokens = { intel: "", wardsOnly: "" };
const sessions = { analyst: "", officer: "" };

beforeAll(async () => {
  app = await startAppServer();
  await loadIntelFixture(app.databaseUrl, dir);
  const db = createDb(app.databaseUrl, { max: 1 });
  try {
    tokens.intel = (
      await createApiToken(db, { name: "campaign dashboard", scopes: ["intel:read"] })
    ).token;
    tokens.wardsOnly = (
      await createApiToken(db, { name: "ward lister", scopes: ["wards:read"] })
    ).token;
    // Profile figures arrive after the results: the profile is now the newest thing in the ward's meta.
    const ward = await db.ward.findUniqueOrThrow({
      where: { code: "KMC-01" },
      select: { id: true },
    });
    await db.wardProfile.create({
      data: {
        wardId: ward.id,
        population: 12000,
        households: 3100,
        areaSqKm: 0.9,
        demographics: { literacy: 0.86 },
        features: { heritage_sites: 3 },
      },
    });
  } finally {
    await db.$disconnect();
  }
  sessions.analyst = await signIn(app.url, "analyst@sunuwai.local", app.password);
  sessions.officer = await signIn(app.url, "officer@sunuwai.local", app.password);
}, 240_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function get(
  route: string,
  headers: Record<string, string> = { authorization: `Bearer ${tokens.intel}` },
) {
  const response = await fetch(`${app.url}${route}`, { headers });
  const text = await response.text();
  return {
    response,
    text,
    body: (response.headers.get("content-type")?.includes("json")
      ? JSON.parse(text)
      : null) as Record<string, unknown> | null,
  };
}

async function data<T>(
  route: string,
  schema: { parse: (value: unknown) => T },
  headers?: Record<string, string>,
): Promise<T> {
  const { response, body, text } = await get(route, headers);
  expect(response.status, text).toBe(200);
  expect(body?.status).toBe("success");
  return schema.parse(body?.data);
}

describe("GET /api/v1/pulse/{ward}", () => {
  it("answers the pulse of the last 30 days by ward code, with figures, their posts and warnings", async () => {
    const pulse = await data("/api/v1/pulse/KMC-01", restPulseSchema);
    expect(pulse).toMatchObject({
      days: 30,
      ward: { code: "KMC-01", local_name: "काठमाडौं वडा नं. १" },
      totals: { posts: 6, outlets: 2 },
    });
    expect(pulse.daily).toHaveLength(30);
    expect(pulse.daily.find((d) => d.day === daysAgo(1))).toMatchObject({ posts: 2, outlets: 2 });
    const water = pulse.topics.find((t) => t.topic === "water");
    expect(water).toMatchObject({ posts: 2 });
    expect(water?.post_ids).toHaveLength(2);
    expect(water?.warnings).toEqual(['Topic "water" rests on 2 articles']);
    expect(pulse.parties.map((p) => p.party).sort()).toEqual(["CPN-UML", "Nepali Congress"]);
    expect(pulse.updated_at).not.toBeNull();
  });

  it("finds a ward by its English or Telugu name and honours ?days=", async () => {
    const byName = await data("/api/v1/pulse/Jubilee%20Hills?days=7", restPulseSchema);
    const byTelugu = await data(
      `/api/v1/pulse/${encodeURIComponent("జూబ్లీ హిల్స్")}?days=7`,
      restPulseSchema,
    );
    expect(byName.daily).toHaveLength(7);
    expect(byName).toMatchObject({
      ward: { code: "WARD_001", local_name: "జూబ్లీ హిల్స్" },
      totals: { posts: 2, outlets: 1 },
    });
    expect(byName.warnings).toContain("Every article in the period comes from one outlet (Eenadu)");
    expect(byTelugu).toEqual(byName);
  });

  it("refuses ?days= outside 1 … 366", async () => {
    const { response, body } = await get("/api/v1/pulse/KMC-01?days=400");
    expect(response.status).toBe(400);
    expect(body).toMatchObject({
      status: "error",
      error: { code: "VALIDATION_ERROR", message: "days must be a whole number from 1 to 366." },
    });
  });
});

describe("GET /api/v1/alerts/{ward}", () => {
  it("lists the ward's alerts with reason and evidence, and an empty list for a quiet ward", async () => {
    const { ward, alerts } = await data("/api/v1/alerts/kmc-01", restAlertsSchema);
    expect(ward.code).toBe("KMC-01");
    const keyword = alerts.find((a) => a.kind === "KEYWORD");
    expect(keyword).toMatchObject({
      severity: expect.any(String) as unknown,
      acknowledged_at: null,
      reason: `2 articles on ${daysAgo(1)} mention "${WATCHED_KEYWORD}"`,
    });
    expect(keyword?.evidence_post_ids).toHaveLength(2);
    expect((await data("/api/v1/alerts/KMC-32", restAlertsSchema)).alerts).toEqual([]);
  });
});

describe("GET /api/v1/ward/meta/{ward_id}", () => {
  it("gives profile, demographics, features and Form 20 aggregates, with updated_at the newest nested stamp", async () => {
    const meta = await data("/api/v1/ward/meta/KMC-01", restWardMetaSchema);
    expect(meta.profile).toMatchObject({ population: 12000, households: 3100, area_sq_km: 0.9 });
    expect(meta.demographics).toEqual({ literacy: 0.86 });
    expect(meta.features).toEqual({ heritage_sites: 3 });
    expect(meta.elections.map((e) => e.election)).toEqual(["KMC-2022", "KMC-2017"]);
    expect(meta.elections[0]).toMatchObject({
      polling_stations: 2,
      electors: 2700,
      total_polled: 1130,
      valid_votes: 1100,
      winner: "Nepali Congress",
      runner_up: "CPN-UML",
      margin: 100,
      vote_share: [
        { party: "Nepali Congress", votes: 600, share: 600 / 1100 },
        { party: "CPN-UML", votes: 500, share: 500 / 1100 },
      ],
    });
    expect(meta.elections[0]?.turnout).toBeCloseTo(1130 / 2700, 9);
    const nested = [
      meta.ward.updated_at,
      meta.profile?.updated_at ?? "",
      ...meta.elections.map((e) => e.updated_at),
    ];
    const newest = nested.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
    expect(meta.updated_at).toBe(newest);
    expect(meta.updated_at).toBe(meta.profile?.updated_at);
  });
});

describe("GET /api/v1/prediction/{ward_id}", () => {
  it("gives the stored prediction as LokDarpan's percent scores, with interval, confidence and method", async () => {
    const prediction = await data("/api/v1/prediction/KMC-01", restPredictionSchema);
    expect(prediction).toMatchObject({
      ward: "KMC-01",
      election: "KMC-2027",
      scored_at: null,
      mean_abs_error: null,
    });
    expect(Object.keys(prediction.scores).sort()).toEqual(["CPN-UML", "Nepali Congress"]);
    expect(Object.values(prediction.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    const [low, high] = prediction.interval["Nepali Congress"] ?? [100, 0];
    expect(low).toBeLessThan(prediction.scores["Nepali Congress"] ?? 0);
    expect(high).toBeGreaterThan(prediction.scores["Nepali Congress"] ?? 100);
    expect(prediction.method).toContain("KMC-2022");
  });

  it("answers 404 for a ward nobody predicted yet", async () => {
    const { response, body } = await get("/api/v1/prediction/WARD_001");
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ status: "error", error: { code: "NOT_FOUND" } });
  });
});

describe("who may call the intel REST routes", () => {
  const routes = [
    "/api/v1/pulse/KMC-01",
    "/api/v1/alerts/KMC-01",
    "/api/v1/ward/meta/KMC-01",
    "/api/v1/prediction/KMC-01",
  ];

  it("answers 401 without credentials or with an unknown token", async () => {
    for (const route of routes) {
      const credentials: Record<string, string>[] = [
        {},
        { authorization: "Bearer snw_not-a-real-token-but-long-enough" },
      ];
      for (const headers of credentials) {
        const { response, body } = await get(route, headers);
        expect(response.status, route).toBe(401);
        expect(body, route).toMatchObject({ status: "error", error: { code: "UNAUTHORIZED" } });
      }
    }
  });

  it("answers 403 to a token without intel:read (the chatbot's too) and to a helpdesk officer", async () => {
    for (const route of routes) {
      const credentials: Record<string, string>[] = [
        { authorization: `Bearer ${tokens.wardsOnly}` },
        { authorization: `Bearer ${app.chatbotToken}` },
        { cookie: sessions.officer },
      ];
      for (const headers of credentials) {
        const { response, body } = await get(route, headers);
        expect(response.status, route).toBe(403);
        expect(body, route).toMatchObject({ status: "error", error: { code: "FORBIDDEN" } });
      }
    }
  });

  it("serves a signed-in analyst the same as an intel:read token", async () => {
    for (const route of routes) {
      const { response } = await get(route, { cookie: sessions.analyst });
      expect(response.status, route).toBe(200);
    }
  });

  it("answers 404 for an unknown ward on every route", async () => {
    for (const route of routes.map((r) => r.replace("KMC-01", "NOWHERE-99"))) {
      const { response, body } = await get(route);
      expect(response.status, route).toBe(404);
      expect(body, route).toMatchObject({
        status: "error",
        error: { code: "NOT_FOUND", message: "No ward with code or name NOWHERE-99." },
      });
    }
  });
});

describe("CSV exports", () => {
  it("streams the pulse as a CSV download named after the ward and period", async () => {
    const { response, text } = await get("/api/intel/export/pulse?ward=KMC-01&days=7", {
      cookie: sessions.analyst,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`filename="pulse_KMC-01_`);
    const lines = text
      .replace(/^\uFEFF/u, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "ward,from,to,figure,key,posts,share,average_sentiment,negative_posts,outlets,warnings",
    );
    expect(lines.filter((l) => l.split(",")[3] === "day")).toHaveLength(7);
    expect(lines.find((l) => l.includes(`,day,${daysAgo(1)},`))).toMatch(
      new RegExp(`^KMC-01,[^,]+,[^,]+,day,${daysAgo(1)},2,`, "u"),
    );
    expect(lines.some((l) => l.includes(",party,Nepali Congress,2,"))).toBe(true);
  });

  it("streams the Form 20 rows of a ward, Devanagari ward names and all, for one election or all", async () => {
    const all = await get("/api/intel/export/results?ward=KMC-01", { cookie: sessions.analyst });
    expect(all.response.headers.get("content-disposition")).toContain(
      'filename="form20_KMC-01.csv"',
    );
    const rows = all.text
      .replace(/^\uFEFF/u, "")
      .trimEnd()
      .split("\r\n");
    expect(rows[0]).toBe(
      "election,ward,ac_id,pc_id,ps_id,ps_name,electors,party,candidate,votes,total_polled,rejected",
    );
    expect(rows).toHaveLength(1 + 8);
    expect(rows).toContain(
      "KMC-2022,KMC-01,KTM-1,,1,Bhotahiti School,1500,Nepali Congress,Sita Shrestha,300,570,20",
    );
    const one = await get("/api/intel/export/results?ward=KMC-01&election=KMC-2017", {
      cookie: sessions.analyst,
    });
    expect(one.text.trimEnd().split("\r\n")).toHaveLength(1 + 4);
  });

  it("are for signed-in analysts only", async () => {
    expect((await get("/api/intel/export/pulse?ward=KMC-01", {})).response.status).toBe(401);
    expect(
      (await get("/api/intel/export/pulse?ward=KMC-01", { cookie: sessions.officer })).response
        .status,
    ).toBe(403);
    expect(
      (
        await get("/api/intel/export/results?ward=KMC-01", {
          authorization: `Bearer ${tokens.intel}`,
        })
      ).response.status,
    ).toBe(403);
    expect(
      (await get("/api/intel/export/results?ward=NOWHERE-99", { cookie: sessions.analyst }))
        .response.status,
    ).toBe(404);
  });
});
