import { randomUUID } from "node:crypto";
import { sessionCookieFor } from "@sunuwai/auth/testing";
import type { AnyTRPCProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import {
  asChatbot,
  asStaff,
  failure,
  grievanceInput,
  nextPhone,
  startHelpdeskApi,
  waitFor,
} from "./grievance-harness";
import type { HelpdeskApi, HelpdeskClient } from "./grievance-harness";

let api: HelpdeskApi;
let bot: HelpdeskClient;
let officerA: HelpdeskClient;
let officerB: HelpdeskClient;
let officerC: HelpdeskClient;
let supervisor: HelpdeskClient;
let analyst: HelpdeskClient;

beforeAll(async () => {
  api = await startHelpdeskApi();
  const { users, tokens } = api.cast;
  bot = asChatbot(api.origin, tokens.chatbot.secret);
  officerA = await asStaff(api.origin, users.officerA.id);
  officerB = await asStaff(api.origin, users.officerB.id);
  officerC = await asStaff(api.origin, users.officerC.id);
  supervisor = await asStaff(api.origin, users.supervisor.id);
  analyst = await asStaff(api.origin, users.analyst.id);
});

afterAll(async () => {
  await api?.close();
});

/** Files a grievance through the chatbot and returns it with the phone it was filed with. */
async function file(over: Parameters<typeof grievanceInput>[0] & { wardCode?: string } = {}) {
  const { wardCode, ...rest } = over;
  const phone = nextPhone();
  const input = grievanceInput({
    complainant: {
      fullName: "Sita Kumari Shrestha",
      phone,
      email: "sita.shrestha@example.com",
      address: "Tole 4, Baneshwor",
      ward: wardCode ?? "KMC-01",
    },
    ...rest,
  });
  return { ...(await bot.grievance.create.mutate(input)), phone };
}

describe("the queue", () => {
  it("filters by status, ward, category, assignee, overdue and text, and pages", async () => {
    const marker = `quagga${randomUUID().slice(0, 6)}`;
    const text = (words: string) => `${words} near the ${marker} bridge, for three weeks now.`;
    const water = await file({ description: text("No drinking water") });
    const road = await file({ description: text("Potholes on the main road") });
    const other = await file({ description: text("Broken street lights"), wardCode: "KMC-02" });
    const nowhere = await file({
      description: text("Garbage is not collected"),
      complainant: { fullName: "Ravi Karki", phone: nextPhone() },
    });

    await supervisor.grievance.changeStatus.mutate({
      grievanceId: water.id,
      status: "UNDER_EVALUATION",
      reason: "Calling the water office",
    });
    await supervisor.grievance.confirmClassification.mutate({
      grievanceId: road.id,
      categories: ["Road/Infrastructure"],
    });
    await api.db.grievance.update({
      where: { id: road.id },
      data: { slaDueAt: new Date(Date.now() - 3_600_000) },
    });

    const refs = async (filters: Parameters<typeof supervisor.grievance.queue.query>[0]) =>
      (await supervisor.grievance.queue.query({ text: marker, ...filters })).items
        .map((item) => item.reference)
        .sort();
    expect(await refs({})).toEqual([water, road, other, nowhere].map((g) => g.reference).sort());
    expect(await refs({ status: ["UNDER_EVALUATION"] })).toEqual([water.reference]);
    expect(await refs({ wardId: api.cast.wards.kmc02.id })).toEqual([other.reference]);
    expect(await refs({ category: "Road/Infrastructure" })).toEqual([road.reference]);
    expect(await refs({ overdue: true })).toEqual([road.reference]);
    expect(await refs({ assignee: "unassigned" })).toEqual([nowhere.reference]);
    expect(await refs({ assignee: api.cast.users.officerC.id })).toEqual([other.reference]);

    const page = await supervisor.grievance.queue.query({
      text: marker,
      pageSize: 3,
      page: 2,
      sort: "oldest",
    });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((item) => item.reference)).toEqual([nowhere.reference]);

    const mine = await officerC.grievance.queue.query({ text: marker, assignee: "me" });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      reference: other.reference,
      ward: { code: "KMC-02" },
      assignee: { id: api.cast.users.officerC.id, name: "Chandra Officer" },
      overdue: false,
      excerpt: text("Broken street lights"),
    });
  });

  it("never shows a sensitive case to another officer of the ward, in lists or in counts", async () => {
    const before = {
      a: await officerA.grievance.counts.query(),
      b: await officerB.grievance.counts.query(),
    };
    const seah = await file({
      description: "My supervisor at the road construction site keeps harassing me at work.",
      categories: ["Gender/SEAH"],
    });
    await supervisor.grievance.assign.mutate({
      grievanceId: seah.id,
      assigneeId: api.cast.users.officerB.id,
      reason: "Trained for SEAH cases",
    });
    const seen = async (client: HelpdeskClient) =>
      (await client.grievance.queue.query({ pageSize: 100 })).items.some((i) => i.id === seah.id);
    expect(await seen(officerA)).toBe(false);
    expect(await seen(officerB)).toBe(true);
    expect(await seen(supervisor)).toBe(true);
    expect(await officerA.grievance.counts.query()).toEqual(before.a);
    const afterB = await officerB.grievance.counts.query();
    expect(afterB.open).toBe(before.b.open + 1);
    expect(await failure(officerA.grievance.detail.query({ grievanceId: seah.id }))).toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance not found",
    });
  });
});

describe("a grievance's detail and the staff actions", () => {
  it("shows the detail with masked personal data and the timeline", async () => {
    const g = await file();
    const detail = await officerA.grievance.detail.query({ grievanceId: g.id });
    expect(detail).toMatchObject({
      id: g.id,
      reference: g.reference,
      status: "SUBMITTED",
      ward: { code: "KMC-01" },
      complainant: { name: "S••• K••• S•••", email: "s•••@example.com" },
      allowedStatuses: expect.arrayContaining(["UNDER_EVALUATION"]) as unknown,
    });
    expect(detail.complainant.phone).toMatch(/^\+?\d{2,5}•+\d{3}$/);
    expect(JSON.stringify(detail)).not.toContain(g.phone.slice(3, 7));
    expect(detail.timeline.map((event) => event.type)).toEqual(["CREATED", "ASSIGNED"]);
  });

  it("hides another jurisdiction's grievance exactly like a missing one", async () => {
    const g = await file({ wardCode: "KMC-01" });
    const missing = randomUUID();
    const calls = (id: string) => [
      officerC.grievance.detail.query({ grievanceId: id }),
      officerC.grievance.similar.query({ grievanceId: id }),
      officerC.grievance.assign.mutate({ grievanceId: id, assigneeId: api.cast.users.officerC.id }),
      officerC.grievance.changeStatus.mutate({
        grievanceId: id,
        status: "UNDER_EVALUATION",
        reason: "Looking into it",
      }),
      officerC.grievance.addComment.mutate({ grievanceId: id, kind: "note", text: "hello" }),
      officerC.grievance.revealPii.mutate({ grievanceId: id, reason: "Need to call them" }),
      officerC.grievance.confirmClassification.mutate({ grievanceId: id, categories: ["Other"] }),
    ];
    const hidden = await Promise.all(calls(g.id).map(failure));
    const absent = await Promise.all(calls(missing).map(failure));
    for (const outcome of hidden)
      expect(outcome).toEqual({
        code: "NOT_FOUND",
        httpStatus: 404,
        message: "Grievance not found",
      });
    expect(hidden).toEqual(absent);
    const untouched = await api.db.grievanceEvent.count({ where: { grievanceId: g.id } });
    expect(untouched).toBe(2);
  });

  it("lets an officer take a grievance for themselves but not hand it to someone else", async () => {
    const g = await file();
    const taken = await officerB.grievance.assign.mutate({
      grievanceId: g.id,
      assigneeId: api.cast.users.officerB.id,
    });
    expect(taken.assigneeId).toBe(api.cast.users.officerB.id);
    expect(
      await failure(
        officerB.grievance.assign.mutate({
          grievanceId: g.id,
          assigneeId: api.cast.users.officerA.id,
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    const back = await supervisor.grievance.assign.mutate({
      grievanceId: g.id,
      assigneeId: null,
      reason: "Back to the supervisors' queue",
    });
    expect(back.assigneeId).toBeNull();
  });

  it("changes status with a reason and refuses an illegal move", async () => {
    const g = await file();
    const moved = await officerA.grievance.changeStatus.mutate({
      grievanceId: g.id,
      status: "UNDER_EVALUATION",
      reason: "Site visit on Monday",
    });
    expect(moved).toMatchObject({ id: g.id, status: "UNDER_EVALUATION" });
    const illegal = await failure(
      officerA.grievance.changeStatus.mutate({
        grievanceId: g.id,
        status: "CLOSED",
        reason: "Nothing to do",
      }),
    );
    expect(illegal).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
    expect(illegal.message).toMatch(/^Cannot change status from UNDER_EVALUATION to CLOSED/);
    const noReason = await failure(
      officerA.grievance.changeStatus.mutate({ grievanceId: g.id, status: "RESOLVED", reason: "" }),
    );
    expect(noReason).toMatchObject({ code: "BAD_REQUEST" });
    const timeline = (await officerA.grievance.detail.query({ grievanceId: g.id })).timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: "STATUS_CHANGED",
      payload: { from: "SUBMITTED", to: "UNDER_EVALUATION", reason: "Site visit on Monday" },
      actor: { kind: "user", id: api.cast.users.officerA.id, name: "Asha Officer" },
    });
  });

  it("keeps internal notes from the complainant and shows public replies", async () => {
    const g = await file();
    await officerA.grievance.addComment.mutate({
      grievanceId: g.id,
      kind: "note",
      text: "Neighbour says the pipe burst.",
    });
    await officerA.grievance.addComment.mutate({
      grievanceId: g.id,
      kind: "reply",
      text: "A plumber will visit tomorrow.",
    });
    const staffView = await officerA.grievance.detail.query({ grievanceId: g.id });
    expect(
      staffView.timeline.slice(-2).map((event) => [event.type, event.public, event.payload.text]),
    ).toEqual([
      ["NOTE_ADDED", false, "Neighbour says the pipe burst."],
      ["REPLY_SENT", true, "A plumber will visit tomorrow."],
    ]);
    const complainantView = await bot.grievance.status.query({
      reference: g.reference,
      phone: g.phone,
    });
    const messages = complainantView.updates.map((update) => update.message);
    expect(messages).toContain("A plumber will visit tomorrow.");
    expect(messages).not.toContain("Neighbour says the pipe burst.");
  });

  it("reveals personal data to the assignee and supervisors, with a reason that is logged", async () => {
    const g = await file();
    await supervisor.grievance.assign.mutate({
      grievanceId: g.id,
      assigneeId: api.cast.users.officerA.id,
    });
    expect(
      await failure(
        officerB.grievance.revealPii.mutate({ grievanceId: g.id, reason: "Need to call her" }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(
      await failure(officerA.grievance.revealPii.mutate({ grievanceId: g.id, reason: "" })),
    ).toMatchObject({ code: "BAD_REQUEST" });

    const revealed = await officerA.grievance.revealPii.mutate({
      grievanceId: g.id,
      fields: ["name", "phone"],
      reason: "Calling to arrange the site visit",
    });
    expect(revealed).toEqual({ name: "Sita Kumari Shrestha", phone: `+977${g.phone}` });
    expect(
      await supervisor.grievance.revealPii.mutate({
        grievanceId: g.id,
        reason: "Audit of the case",
      }),
    ).toMatchObject({ email: "sita.shrestha@example.com", address: "Tole 4, Baneshwor" });

    const reveals = (
      await supervisor.grievance.detail.query({ grievanceId: g.id })
    ).timeline.filter((event) => event.type === "PII_REVEALED");
    expect(reveals.map((event) => [event.actor.id, event.payload.reason])).toEqual([
      [api.cast.users.officerA.id, "Calling to arrange the site visit"],
      [api.cast.users.supervisor.id, "Audit of the case"],
    ]);
  });

  it("confirms or overrides the classification", async () => {
    const g = await file();
    const confirmed = await officerA.grievance.confirmClassification.mutate({
      grievanceId: g.id,
      categories: ["Water Supply", "Health & Safety"],
      priority: "HIGH",
    });
    expect(confirmed).toMatchObject({
      classificationStatus: "OFFICER_CONFIRMED",
      categories: ["Water Supply", "Health & Safety"],
      sensitive: false,
    });
    const detail = await officerA.grievance.detail.query({ grievanceId: g.id });
    expect(detail.priority).toBe("HIGH");
    expect(detail.timeline.at(-1)).toMatchObject({
      type: "CLASSIFICATION_CONFIRMED",
      payload: { overridden: true, previousCategories: [] },
    });
  });

  it("suggests similar grievances of the same ward", async () => {
    const description =
      "The drinking water tap at Hanuman Tole has been dry for ten days and nobody comes.";
    const first = await file({ description });
    const second = await file({
      description:
        "The drinking water tap at Hanuman Tole has been dry for twelve days, nobody came.",
    });
    const elsewhere = await file({ description, wardCode: "KMC-02" });
    const similar = await supervisor.grievance.similar.query({ grievanceId: second.id });
    expect(similar[0]).toMatchObject({ reference: first.reference, status: "SUBMITTED" });
    expect(similar.length).toBeLessThanOrEqual(3);
    expect(similar.every((s) => s.similarity >= 0.3)).toBe(true);
    expect(similar.map((s) => s.reference)).not.toContain(elsewhere.reference);
  });

  it("changes many at once for supervisors only, reporting what it refused", async () => {
    const open = await file();
    const closedOne = await file();
    for (const status of ["UNDER_EVALUATION", "DENIED", "CLOSED"] as const) {
      await supervisor.grievance.changeStatus.mutate({
        grievanceId: closedOne.id,
        status,
        reason: "Duplicate of an earlier case",
      });
    }
    const input = {
      grievanceIds: [open.id, closedOne.id],
      status: "UNDER_EVALUATION" as const,
      reason: "Weekly triage",
    };
    expect(await failure(officerA.grievance.bulkChangeStatus.mutate(input))).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
    });
    const result = await supervisor.grievance.bulkChangeStatus.mutate(input);
    expect(result.changed).toEqual([{ id: open.id, reference: open.reference }]);
    expect(result.refused).toEqual([
      {
        id: closedOne.id,
        reference: closedOne.reference,
        message: expect.stringMatching(/^Cannot change status from CLOSED/) as unknown,
      },
    ]);
  });

  it("reports SLA performance per officer and per ward, over what the caller may see", async () => {
    const g = await file();
    await supervisor.grievance.assign.mutate({
      grievanceId: g.id,
      assigneeId: api.cast.users.officerA.id,
    });
    for (const status of ["UNDER_EVALUATION", "RESOLVED"] as const) {
      await officerA.grievance.changeStatus.mutate({
        grievanceId: g.id,
        status,
        reason: "Fixed the tap",
      });
    }
    const report = await supervisor.helpdesk.slaReport.query();
    const asha = report.byOfficer.find((row) => row.officer?.id === api.cast.users.officerA.id);
    expect(asha).toMatchObject({ resolvedWithinSla: expect.any(Number) as unknown });
    expect(asha?.resolved).toBeGreaterThanOrEqual(1);
    expect(asha?.percentWithinSla).toBe(100);
    expect(asha?.medianHoursToResolve).toBeLessThan(1);
    expect(report.byWard.map((row) => row.ward?.code)).toEqual(
      expect.arrayContaining(["KMC-01", "KMC-02"]),
    );
    const chandra = await officerC.helpdesk.slaReport.query({});
    expect(chandra.byWard.map((row) => row.ward?.code)).toEqual(["KMC-02"]);
  });
});

describe("the wall between helpdesk and analytics", () => {
  // tRPC keeps every procedure of the router tree here under its dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
  const helpdeskPaths = Object.entries(procedures).filter(([path]) =>
    /^(grievance|helpdesk)\./.test(path),
  );

  it("covers every grievance and helpdesk procedure", () => {
    expect(helpdeskPaths.length).toBeGreaterThanOrEqual(20);
  });

  it("refuses every helpdesk procedure to an analyst with 403, before any service runs", async () => {
    const cookie = await sessionCookieFor(api.cast.users.analyst.id);
    const eventsBefore = await api.db.grievanceEvent.count();
    for (const [path, procedure] of helpdeskPaths) {
      const type = procedure._def.type;
      const url = `${api.origin}/api/trpc/${path}`;
      const input = encodeURIComponent(JSON.stringify({ json: {} }));
      const response =
        type === "mutation"
          ? await fetch(url, {
              method: "POST",
              headers: { cookie, "content-type": "application/json" },
              body: JSON.stringify({ json: {} }),
            })
          : await fetch(`${url}?input=${input}`, {
              headers: {
                cookie,
                ...(type === "subscription" ? { accept: "text/event-stream" } : {}),
              },
            });
      const body = await response.text();
      if (type === "subscription") {
        expect(body, path).toMatch(/event: serialized-error\ndata: .*"code":"FORBIDDEN"/);
      } else {
        expect(response.status, path).toBe(403);
        expect(JSON.parse(body), path).toMatchObject({
          error: { json: { data: { code: "FORBIDDEN" } } },
        });
      }
    }
    expect(await api.db.grievanceEvent.count()).toBe(eventsBefore);
  });

  it("gives an analyst's client the same answer", async () => {
    expect(await failure(analyst.grievance.queue.query({}))).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
    });
    const errors: unknown[] = [];
    const subscription = analyst.grievance.onUpdate.subscribe(
      {},
      { onError: (error) => errors.push(error) },
    );
    await waitFor(() => errors.length > 0, "the subscription to be refused");
    subscription.unsubscribe();
    expect(errors[0]).toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});
