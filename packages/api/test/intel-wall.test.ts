// The wall between the helpdesk and ward intelligence, as callers meet it over HTTP: officers cannot reach any intel
// procedure, analysts reach every one of theirs, and nothing outside intel (helpdesk, grievances, files, admin)
// answers an analyst with anything but FORBIDDEN.
import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATA_DIR = `${process.env.TMPDIR ?? "/tmp"}/sunuwai-api-intel-wall-${process.pid}`;
});

import { sessionCookieFor } from "@sunuwai/auth/testing";
import { appRouter } from "../src/root";
import {
  dropInInbox,
  failure,
  fixtureArticles,
  form20Csv,
  startIntelApi,
  untypedAs,
} from "./intel-harness";
import type { IntelApi } from "./intel-harness";

let api: IntelApi;
const dataDir = process.env.DATA_DIR ?? "";

beforeAll(async () => {
  api = await startIntelApi();
});

afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type ProcedureType = "query" | "mutation" | "subscription";

/** Every procedure of the app router by dotted path, with its type. */
function procedures(): { path: string; type: ProcedureType }[] {
  // tRPC keeps a flat map from dotted path to procedure beside the nested record its types describe.
  const defs = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureType } }
  >;
  return Object.entries(defs).map(([name, procedure]) => ({
    path: name,
    type: procedure._def.type,
  }));
}

const ADMIN_ONLY = new Set(["intel.ingest", "intel.inboxFiles"]);
/** What an analyst may call outside intel: who they are, and the ward list. */
const ANALYST_OUTSIDE_INTEL = new Set(["viewer.me", "ward.list"]);

/** A valid input for each intel procedure, made from data the test created; a new procedure must be added here. */
async function intelSamples(): Promise<Record<string, () => unknown>> {
  const ward = await api.db.ward.findUniqueOrThrow({
    where: { code: "KMC-01" },
    select: { id: true },
  });
  const post = await api.db.post.findFirstOrThrow({
    where: { wardId: ward.id },
    select: { id: true },
  });
  const run = await api.db.ingestRun.findFirstOrThrow({ select: { id: true } });
  let n = 0;
  const freshAlert = async () =>
    (
      await api.db.alert.create({
        data: {
          kind: "NEW_TOPIC",
          severity: "LOW",
          reason: "test",
          dedupeKey: `wall-${++n}-${Date.now()}`,
          wardId: ward.id,
          evidencePostIds: [post.id],
        },
        select: { id: true },
      })
    ).id;
  const freshSavedAlert = async () =>
    (
      await api.db.savedAlert.create({
        data: { wardId: ward.id, keywords: ["पानी"], createdById: api.cast.users.analyst.id },
        select: { id: true },
      })
    ).id;
  const today = new Date().toISOString().slice(0, 10);
  const alertIds = [await freshAlert(), await freshAlert(), await freshAlert()];
  const savedIds = [
    await freshSavedAlert(),
    await freshSavedAlert(),
    await freshSavedAlert(),
    await freshSavedAlert(),
    await freshSavedAlert(),
    await freshSavedAlert(),
  ];
  const take = (ids: string[]) => () => ids.shift();
  const nextAlert = take(alertIds);
  const nextSaved = take(savedIds);
  let inboxFile = 0;
  return {
    "intel.wards": () => undefined,
    "intel.wardMeta": () => ({ wardCode: "KMC-01" }),
    "intel.posts": () => ({ ids: [post.id] }),
    "intel.pulse": () => ({ wardCode: "KMC-01", from: "2020-01-01", to: "2020-12-31" }),
    "intel.alerts.list": () => ({ wardCode: "KMC-01" }),
    "intel.alerts.acknowledge": () => ({ alertId: nextAlert() }),
    "intel.savedAlerts.list": () => ({ wardCode: "KMC-01" }),
    "intel.savedAlerts.create": () => ({ wardCode: "KMC-01", keywords: ["सडक"] }),
    "intel.savedAlerts.update": () => ({ id: nextSaved(), active: false }),
    "intel.savedAlerts.delete": () => ({ id: nextSaved() }),
    "intel.prediction.latest": () => ({ wardCode: "KMC-01" }),
    "intel.prediction.create": () => ({ wardCode: "KMC-01", election: `KMC-${today}` }),
    "intel.ledger": () => ({ wardCode: "KMC-01" }),
    "intel.export.pulse": () => ({ wardCode: "KMC-01", from: today, to: today }),
    "intel.export.results": () => ({ wardCode: "KMC-01" }),
    "intel.ingestRuns.list": () => ({ limit: 5 }),
    "intel.ingestRuns.detail": () => ({ id: run.id }),
    "intel.inboxFiles": () => undefined,
    "intel.ingest": () => ({
      file: dropInInbox(`wall-${++inboxFile}.jsonl`, fixtureArticles().slice(0, 1)),
    }),
  };
}

function call(
  client: Awaited<ReturnType<typeof untypedAs>>,
  procedure: { path: string; type: ProcedureType },
  input: unknown,
) {
  return procedure.type === "mutation"
    ? client.mutation(procedure.path, input)
    : client.query(procedure.path, input);
}

/** Awaits a call that must succeed, naming the procedure when it does not. */
async function succeeds(result: Promise<unknown>, procedurePath: string): Promise<void> {
  await result.catch((error: unknown) => {
    throw new Error(
      `${procedurePath} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

describe("the intel procedures", () => {
  beforeAll(async () => {
    const name = dropInInbox("wall-seed.jsonl", fixtureArticles());
    await (
      await untypedAs(api.origin, api.cast.users.admin.id)
    ).mutation("intel.ingest", { file: name });
    await api.runIngestJobs();
    await api.loadForm20(
      form20Csv(path.join(dataDir, "form20"), "base.csv", {
        nc: 300,
        uml: 250,
        brs: 400,
        inc: 350,
      }),
      "KMC-2022",
    );
  });

  it("refuse an officer on every one, and admit an analyst (admins only where the procedure is an admin's)", async () => {
    const intel = procedures().filter((p) => p.path.startsWith("intel."));
    const samples = await intelSamples();
    expect(intel.map((p) => p.path).sort()).toEqual(Object.keys(samples).sort());
    expect(intel.every((p) => p.type !== "subscription")).toBe(true);

    const officer = await untypedAs(api.origin, api.cast.users.officer.id);
    const supervisor = await untypedAs(api.origin, api.cast.users.supervisor.id);
    const analyst = await untypedAs(api.origin, api.cast.users.analyst.id);
    const admin = await untypedAs(api.origin, api.cast.users.admin.id);
    for (const procedure of intel) {
      const input = samples[procedure.path]?.();
      for (const helpdeskUser of [officer, supervisor]) {
        expect(
          await failure(call(helpdeskUser, procedure, input), procedure.path),
          procedure.path,
        ).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
      }
      if (ADMIN_ONLY.has(procedure.path)) {
        expect(
          await failure(call(analyst, procedure, input), procedure.path),
          procedure.path,
        ).toMatchObject({ code: "FORBIDDEN" });
        await succeeds(call(admin, procedure, samples[procedure.path]?.()), procedure.path);
      } else {
        await succeeds(call(analyst, procedure, input), procedure.path);
      }
    }
  });

  it("refuse API tokens, even one with intel:read (tokens use the REST routes)", async () => {
    const response = await fetch(`${api.origin}/api/trpc/intel.wards`, {
      headers: { authorization: `Bearer ${api.cast.tokens.intel}` },
    });
    expect(response.status).toBe(403);
  });
});

describe("everything outside intel", () => {
  it("answers an analyst FORBIDDEN: helpdesk, grievances, chatbot, admin", async () => {
    const analyst = await untypedAs(api.origin, api.cast.users.analyst.id);
    const cookie = await sessionCookieFor(api.cast.users.analyst.id);
    const outside = procedures().filter(
      (p) => !p.path.startsWith("intel.") && !ANALYST_OUTSIDE_INTEL.has(p.path),
    );
    expect(outside.map((p) => p.path)).toEqual(
      expect.arrayContaining(["grievance.queue", "helpdesk.slaReport", "ward.jurisdiction"]),
    );
    for (const procedure of outside) {
      if (procedure.type === "subscription") {
        // A subscription is refused before its event stream opens.
        const response = await fetch(
          `${api.origin}/api/trpc/${procedure.path}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
          {
            headers: { cookie, accept: "text/event-stream" },
          },
        );
        const body = await response.text();
        expect(body, procedure.path).toContain("FORBIDDEN");
        expect(body, procedure.path).not.toContain('"type":"data"');
        continue;
      }
      expect(
        await failure(call(analyst, procedure, undefined), procedure.path),
        procedure.path,
      ).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    }
  });

  it("is never imported or queried by the intel router's source", () => {
    const dir = path.resolve(import.meta.dirname, "../src/router/intel");
    const helpdeskTables =
      /\b(grievance|grievanceEvent|complainant|attachment|notification|officerWard)\b|"(Grievance|GrievanceEvent|Complainant|Attachment|Notification|OfficerWard)"/u;
    for (const file of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, file), "utf8");
      expect(source, file).not.toMatch(/@sunuwai\/helpdesk/u);
      expect(source, file).not.toMatch(helpdeskTables);
    }
  });
});
