import { randomUUID } from "node:crypto";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { AppError } from "@sunuwai/validators/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { createGrievance } from "./create-grievance";
import { getGrievanceDetail } from "./detail";
import { countQueue, listQueue } from "./queue";
import { revealComplainantPii } from "./reveal-pii";
import { slaReport } from "./sla-report";
import {
  addComment,
  assignGrievance,
  bulkChangeStatus,
  changeStatus,
  confirmClassification,
} from "./staff-actions";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;
let wardA: string;
let wardB: string;
let officerA: StaffActor;
let officerA2: StaffActor;
let officerB: StaffActor;
let supervisor: StaffActor;
let analyst: StaffActor;
let inA: string;
let inB: string;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  chatbot = await createChatbot(db);
  wardA = await createWard(db, "ACC-A");
  wardB = await createWard(db, "ACC-B");
  officerA = await createStaff(db, "OFFICER", "Officer Anita", [wardA]);
  officerA2 = await createStaff(db, "OFFICER", "Officer Arjun", [wardA]);
  officerB = await createStaff(db, "OFFICER", "Officer Bikash", [wardB]);
  supervisor = await createStaff(db, "SUPERVISOR", "Supervisor Sunita");
  analyst = await createStaff(db, "ANALYST", "Analyst Amrit");
  inA = (await createGrievance(db, chatbot, grievanceInput({ ward: "ACC-A" }))).id;
  inB = (await createGrievance(db, chatbot, grievanceInput({ ward: "ACC-B" }))).id;
});

afterAll(async () => {
  await testDb.drop();
});

describe("jurisdiction", () => {
  it("an officer cannot read another jurisdiction's grievance, and learns nothing about its existence", async () => {
    const other = await failure(getGrievanceDetail(db, officerA, inB));
    const missing = await failure(getGrievanceDetail(db, officerA, randomUUID()));
    const malformed = await failure(getGrievanceDetail(db, officerA, "GRV-2026-000001"));
    for (const error of [other, missing, malformed])
      expect({ code: error.code, message: error.message }).toEqual({
        code: "NOT_FOUND",
        message: "Grievance not found",
      });
    for (const attempt of [
      () =>
        changeStatus(db, officerA, {
          grievanceId: inB,
          status: "UNDER_EVALUATION",
          reason: "Not my ward",
        }),
      () => addComment(db, officerA, { grievanceId: inB, kind: "note", text: "peeking" }),
      () => revealComplainantPii(db, officerA, { grievanceId: inB, reason: "curious about it" }),
    ]) {
      expect(await failure(attempt())).toMatchObject({
        code: "NOT_FOUND",
        message: "Grievance not found",
      });
    }
    expect((await getGrievanceDetail(db, officerB, inB)).id).toBe(inB);
    expect((await getGrievanceDetail(db, supervisor, inB)).id).toBe(inB);
  });

  it("analysts reach nothing in the helpdesk", async () => {
    expect(await failure(listQueue(db, analyst))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(countQueue(db, analyst))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(getGrievanceDetail(db, analyst, inA))).toMatchObject({
      code: "FORBIDDEN",
      message: "Analysts have no access to the helpdesk",
    });
    expect(
      await failure(
        changeStatus(db, analyst, {
          grievanceId: inA,
          status: "UNDER_EVALUATION",
          reason: "Trying anyway",
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("only supervisors, admins and the assignee reveal PII", async () => {
    const assignee = (await db.grievance.findUniqueOrThrow({ where: { id: inA } })).assigneeId;
    const [holder, colleague] =
      assignee === officerA.userId ? [officerA, officerA2] : [officerA2, officerA];
    const refused = await failure(
      revealComplainantPii(db, colleague, { grievanceId: inA, reason: "Need to call them" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(
      (
        await revealComplainantPii(db, holder, {
          grievanceId: inA,
          fields: ["email"],
          reason: "Need to email them",
        })
      ).email,
    ).toBe("sita.shrestha@example.com");
    expect(await getGrievanceDetail(db, colleague, inA)).toMatchObject({ canRevealPii: false });
    expect(await getGrievanceDetail(db, holder, inA)).toMatchObject({ canRevealPii: true });
  });
});

describe("sensitive cases", () => {
  it("are invisible in another officer's queue, search, counts and reports", async () => {
    const countsBefore = await countQueue(db, officerA);
    const reportBefore = await slaReport(db, officerA);
    const sensitive = await createGrievance(
      db,
      chatbot,
      grievanceInput({
        ward: "ACC-A",
        categories: ["Gender/SEAH"],
        description: "Harassment by a contractor's supervisor at the site camp.",
      }),
    );
    await assignGrievance(db, supervisor, {
      grievanceId: sensitive.id,
      assigneeId: officerA2.userId,
    });

    const queueA = await listQueue(db, officerA, { pageSize: 100 });
    expect(queueA.items.map((item) => item.id)).not.toContain(sensitive.id);
    expect((await listQueue(db, officerA, { text: "contractor's supervisor" })).total).toBe(0);
    expect(await countQueue(db, officerA)).toEqual(countsBefore);
    expect(await slaReport(db, officerA)).toEqual(reportBefore);
    expect(await failure(getGrievanceDetail(db, officerA, sensitive.id))).toMatchObject({
      code: "NOT_FOUND",
    });

    expect(
      (await listQueue(db, officerA2, { text: "contractor's supervisor" })).items.map(
        (item) => item.id,
      ),
    ).toEqual([sensitive.id]);
    expect((await listQueue(db, supervisor, { text: "contractor's supervisor" })).total).toBe(1);
    expect((await countQueue(db, officerA2)).byStatus.SUBMITTED).toBeGreaterThan(0);
  });

  it("a confirmed Gender/SEAH reclassification hides the case from the rest of the ward at once", async () => {
    const created = await createGrievance(
      db,
      chatbot,
      grievanceInput({ ward: "ACC-A", categories: ["Labour"] }),
    );
    await assignGrievance(db, supervisor, { grievanceId: created.id, assigneeId: officerA.userId });
    expect((await getGrievanceDetail(db, officerA2, created.id)).id).toBe(created.id);
    const confirmed = await confirmClassification(db, officerA, {
      grievanceId: created.id,
      categories: ["Gender/SEAH"],
      priority: "HIGH",
    });
    expect(confirmed).toMatchObject({
      sensitive: true,
      classificationStatus: "OFFICER_CONFIRMED",
      categories: ["Gender/SEAH"],
    });
    expect(await failure(getGrievanceDetail(db, officerA2, created.id))).toMatchObject({
      code: "NOT_FOUND",
    });
    const event = await db.grievanceEvent.findFirstOrThrow({
      where: { grievanceId: created.id, type: "CLASSIFICATION_CONFIRMED" },
    });
    expect(event.payload).toMatchObject({
      categories: ["Gender/SEAH"],
      previousCategories: ["Labour"],
      overridden: true,
      priority: "HIGH",
    });
  });
});

describe("staff actions", () => {
  it("officers take grievances for themselves; only supervisors hand them to others", async () => {
    const created = await createGrievance(db, chatbot, grievanceInput({ ward: "ACC-A" }));
    expect(
      await failure(
        assignGrievance(db, officerA, { grievanceId: created.id, assigneeId: officerB.userId }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    await assignGrievance(db, officerA, {
      grievanceId: created.id,
      assigneeId: officerA.userId,
      reason: "I know this street",
    });
    await assignGrievance(db, supervisor, { grievanceId: created.id, assigneeId: null });
    expect(
      await failure(
        assignGrievance(db, supervisor, { grievanceId: created.id, assigneeId: analyst.userId }),
      ),
    ).toMatchObject({ code: "VALIDATION" });
    const assigned = await db.grievanceEvent.findMany({
      where: { grievanceId: created.id, type: "ASSIGNED", actorKind: "user" },
      orderBy: { id: "asc" },
    });
    expect(assigned.map((event) => event.payload)).toEqual([
      expect.objectContaining({ assigneeId: officerA.userId, reason: "I know this street" }),
      expect.objectContaining({ assigneeId: null, previousAssigneeId: officerA.userId }),
    ]);
    expect(
      (await listQueue(db, supervisor, { assignee: "unassigned", pageSize: 100 })).items.map(
        (item) => item.id,
      ),
    ).toContain(created.id);
  });

  it("notes stay internal, replies are public", async () => {
    await addComment(db, supervisor, {
      grievanceId: inA,
      kind: "note",
      text: "Checked with the water office",
    });
    await addComment(db, supervisor, {
      grievanceId: inA,
      kind: "reply",
      text: "A tanker will come on Friday",
    });
    const detail = await getGrievanceDetail(db, supervisor, inA);
    expect(
      detail.timeline
        .filter((event) => ["NOTE_ADDED", "REPLY_SENT"].includes(event.type))
        .map((event) => [event.type, event.public, event.payload.text]),
    ).toEqual([
      ["NOTE_ADDED", false, "Checked with the water office"],
      ["REPLY_SENT", true, "A tanker will come on Friday"],
    ]);
  });

  it("bulk status change is for supervisors, and reports what it refused", async () => {
    const one = await createGrievance(db, chatbot, grievanceInput({ ward: "ACC-B" }));
    const two = await createGrievance(db, chatbot, grievanceInput({ ward: "ACC-B" }));
    await db.grievance.update({ where: { id: two.id }, data: { status: "CLOSED" } });
    const input = {
      grievanceIds: [one.id, two.id, randomUUID()],
      status: "UNDER_EVALUATION" as const,
      reason: "Weekly triage",
    };
    expect(await failure(bulkChangeStatus(db, officerB, input))).toMatchObject({
      code: "FORBIDDEN",
    });
    const result = await bulkChangeStatus(db, supervisor, input);
    expect(result.changed).toEqual([{ id: one.id, reference: one.reference }]);
    expect(result.refused).toHaveLength(2);
    const refusedTwo = result.refused.find((item) => item.id === two.id);
    expect(refusedTwo?.reference).toBe(two.reference);
    expect(refusedTwo?.message).toMatch(/^Cannot change status from CLOSED to UNDER_EVALUATION/);
    expect((await db.grievance.findUniqueOrThrow({ where: { id: one.id } })).status).toBe(
      "UNDER_EVALUATION",
    );
  });

  it("filters the queue by status, ward, category, assignee, overdue and text, a page at a time", async () => {
    const now = new Date();
    const water = await createGrievance(
      db,
      chatbot,
      grievanceInput({
        ward: "ACC-B",
        categories: ["Water Supply"],
        description: "Broken handpump near the school gate",
      }),
    );
    const old = await createGrievance(
      db,
      chatbot,
      grievanceInput({ ward: "ACC-B", categories: ["Road/Infrastructure"] }),
      { now: new Date(now.getTime() - 5 * 86_400_000) },
    );
    const ids = async (filters: Parameters<typeof listQueue>[2]) =>
      (await listQueue(db, officerB, { pageSize: 100, ...filters })).items.map((item) => item.id);
    expect(await ids({ category: "Water Supply" })).toContain(water.id);
    expect(await ids({ category: "Water Supply" })).not.toContain(old.id);
    expect(await ids({ overdue: true })).toContain(old.id);
    expect(await ids({ overdue: true })).not.toContain(water.id);
    expect(await ids({ overdue: false })).toContain(water.id);
    expect(await ids({ text: "HANDPUMP" })).toEqual([water.id]);
    expect(await ids({ text: water.reference.toLowerCase() })).toEqual([water.id]);
    expect(await ids({ wardId: wardA })).toEqual([]);
    expect(await ids({ status: ["CLOSED"] })).toEqual(expect.any(Array));
    expect(await ids({ assignee: "me" })).toEqual(expect.arrayContaining([water.id, old.id]));
    const page1 = await listQueue(db, officerB, { pageSize: 2, page: 1, sort: "oldest" });
    const page2 = await listQueue(db, officerB, { pageSize: 2, page: 2, sort: "oldest" });
    expect(page1.total).toBe(page2.total);
    expect(page1.items[0]?.id).toBe(old.id);
    expect(new Set([...page1.items, ...page2.items].map((item) => item.id)).size).toBe(
      Math.min(4, page1.total),
    );
    const oldItem = (await listQueue(db, officerB, { overdue: true })).items.find(
      (item) => item.id === old.id,
    );
    expect(oldItem).toMatchObject({
      overdue: true,
      ward: { code: "ACC-B" },
      assignee: { id: officerB.userId, name: "Officer Bikash" },
    });
  });
});

describe("the audit log", () => {
  it("refuses UPDATE and DELETE at the database", async () => {
    await expect(db.$executeRaw`UPDATE "GrievanceEvent" SET "public" = true`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "GrievanceEvent"`).rejects.toThrow(/append-only/);
    expect(await db.grievanceEvent.count()).toBeGreaterThan(0);
  });
});
