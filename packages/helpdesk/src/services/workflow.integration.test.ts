import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import {
  createChatbot,
  createStaff,
  createWard,
  grievanceInput,
  nextPhone,
  notificationsFor,
} from "../test/fixtures";
import { canTransition } from "../workflow/status";
import { disputeGrievance } from "./chatbot";
import { createGrievance } from "./create-grievance";
import { changeStatus } from "./staff-actions";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;
let supervisor: StaffActor;

beforeAll(async () => {
  testDb = await createTestDatabase({ max: 10 });
  db = testDb.db;
  chatbot = await createChatbot(db);
  supervisor = await createStaff(db, "SUPERVISOR", "Sushila Supervisor");
});

afterAll(async () => {
  await testDb.drop();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("creating a grievance", () => {
  it("returns the reference at once and writes the complainant, events and classify job in one go", async () => {
    const now = new Date("2030-04-02T06:00:00Z");
    const created = await createGrievance(
      db,
      chatbot,
      grievanceInput({ categories: ["Water Supply"] }),
      { now },
    );
    expect(created).toMatchObject({
      reference: "GRV-2030-000001",
      status: "SUBMITTED",
      classificationStatus: "PENDING",
    });
    const grievance = await db.grievance.findUniqueOrThrow({ where: { id: created.id } });
    expect(grievance).toMatchObject({
      year: 2030,
      sequence: 1,
      escalationLevel: 1,
      sensitive: false,
      sourceApiTokenId: chatbot.apiTokenId,
    });
    expect(grievance.slaDueAt).toEqual(new Date("2030-04-04T06:00:00Z"));
    const events = await db.grievanceEvent.findMany({
      where: { grievanceId: created.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.type)).toEqual(["CREATED", "ASSIGNED"]);
    expect(events[0]).toMatchObject({ actorKind: "chatbot", public: true });
    const jobs = await db.$queryRaw<{ payload: unknown }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'grievance.classify'`;
    expect(jobs.map((job) => job.payload)).toContainEqual({ grievanceId: created.id });
    expect(await notificationsFor(db, created.id)).toEqual([
      {
        template: "received",
        idempotencyKey: `event:${events[0]?.id}`,
        status: "QUEUED",
        jobQueued: true,
      },
    ]);
    expect(
      await db.notification.findFirstOrThrow({ where: { grievanceId: created.id } }),
    ).toMatchObject({
      channel: "EMAIL",
      language: "en",
    });
  });

  it('queues the Nepali "received" message by SMS for a complainant without email', async () => {
    const input = grievanceInput({ language: "ne" });
    delete input.complainant.email;
    const created = await createGrievance(db, chatbot, input);
    const notification = await db.notification.findFirstOrThrow({
      where: { grievanceId: created.id },
    });
    expect(notification).toMatchObject({ template: "received", channel: "SMS", language: "ne" });
  });

  it("a creation that rolls back leaves no notification behind", async () => {
    const before = await db.notification.count();
    const broken = grievanceInput({ language: "xx" as "en" });
    await expect(createGrievance(db, chatbot, broken)).rejects.toThrow();
    expect(await db.notification.count()).toBe(before);
  });

  it("refuses an unknown ward or a phone that is not a number, naming the field", async () => {
    const ward = await failure(
      createGrievance(db, chatbot, grievanceInput({ ward: "NOWHERE-99" })),
    );
    expect(ward).toMatchObject({ code: "VALIDATION", message: 'Unknown ward "NOWHERE-99"' });
    const phone = await failure(createGrievance(db, chatbot, grievanceInput({ phone: "12345" })));
    expect(phone.code).toBe("VALIDATION");
    expect(phone.message).not.toContain("12345");
  });

  it("marks a Gender/SEAH grievance sensitive", async () => {
    const created = await createGrievance(
      db,
      chatbot,
      grievanceInput({ categories: ["Gender/SEAH"] }),
    );
    expect((await db.grievance.findUniqueOrThrow({ where: { id: created.id } })).sensitive).toBe(
      true,
    );
  });
});

describe("references", () => {
  it("200 concurrent creations get 200 distinct, gap-free references", async () => {
    const now = new Date("2031-06-01T00:00:00Z");
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        createGrievance(
          db,
          chatbot,
          grievanceInput({ phone: index % 4 === 0 ? "9841000001" : nextPhone() }),
          { now },
        ),
      ),
    );
    const references = created.map((grievance) => grievance.reference).sort();
    expect(new Set(references).size).toBe(200);
    expect(references).toEqual(
      Array.from({ length: 200 }, (_, index) => `GRV-2031-${String(index + 1).padStart(6, "0")}`),
    );
    // 50 of them came from one phone: one complainant, not fifty.
    const rows = await db.grievance.findMany({
      where: { year: 2031 },
      select: { complainantId: true },
    });
    expect(new Set(rows.map((row) => row.complainantId)).size).toBe(151);
  });

  it("a creation that rolls back leaves no gap", async () => {
    const now = new Date("2032-02-01T00:00:00Z");
    // Fails on the language CHECK in the very statement that took the year's next number.
    const broken = grievanceInput({ language: "xx" as "en" });
    await expect(createGrievance(db, chatbot, broken, { now })).rejects.toThrow();
    const next = await createGrievance(db, chatbot, grievanceInput(), { now });
    expect(next.reference).toBe("GRV-2032-000001");
  });
});

describe("routing", () => {
  it("goes to the ward's officer with the least open work, deterministically, else to the supervisors' queue", async () => {
    const ward = await createWard(db, "ROUTE-1");
    const empty = await createWard(db, "ROUTE-2");
    const first = await createStaff(db, "OFFICER", "Officer First", [ward]);
    const second = await createStaff(db, "OFFICER", "Officer Second", [ward]);
    const disabled = await createStaff(db, "OFFICER", "Officer Away", [ward]);
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    const route = async (wardCode: string) => {
      const created = await createGrievance(db, chatbot, grievanceInput({ ward: wardCode }));
      return (await db.grievance.findUniqueOrThrow({ where: { id: created.id } })).assigneeId;
    };
    expect(await route("ROUTE-1")).toBe(first.userId);
    expect(await route("ROUTE-1")).toBe(second.userId);
    const third = await route("ROUTE-1");
    expect(third).toBe(first.userId);
    // Closing the second officer's load below the first's sends the next one there.
    const secondsOpen = await db.grievance.findFirstOrThrow({
      where: { assigneeId: second.userId },
    });
    await db.grievance.update({ where: { id: secondsOpen.id }, data: { status: "RESOLVED" } });
    expect(await route("ROUTE-1")).toBe(second.userId);
    expect(await route("ROUTE-2")).toBeNull();
    const unrouted = await db.grievance.findFirstOrThrow({
      where: { wardId: empty },
      select: { id: true },
    });
    const assigned = await db.grievanceEvent.findFirstOrThrow({
      where: { grievanceId: unrouted.id, type: "ASSIGNED" },
    });
    expect(assigned.payload).toMatchObject({ assigneeId: null, routing: "supervisor_queue" });
  });
});

describe("status changes through the service", () => {
  for (const from of GRIEVANCE_STATUSES) {
    for (const to of GRIEVANCE_STATUSES) {
      const legal = canTransition(from, to, "staff");
      it(`staff: ${from} → ${to} ${legal ? "changes and is recorded" : "is refused and changes nothing"}`, async () => {
        const created = await createGrievance(db, chatbot, grievanceInput());
        await db.grievance.update({ where: { id: created.id }, data: { status: from } });
        const eventsBefore = await db.grievanceEvent.count({ where: { grievanceId: created.id } });
        const attempt = changeStatus(db, supervisor, {
          grievanceId: created.id,
          status: to,
          reason: "Reviewed the case file",
        });
        if (legal) {
          await attempt;
          const after = await db.grievance.findUniqueOrThrow({ where: { id: created.id } });
          expect(after.status).toBe(to);
          const last = await db.grievanceEvent.findFirstOrThrow({
            where: { grievanceId: created.id },
            orderBy: { id: "desc" },
          });
          expect(last).toMatchObject({
            type: to === "ESCALATED" ? "ESCALATED" : "STATUS_CHANGED",
            actorId: supervisor.userId,
            public: true,
          });
          expect(last.payload).toMatchObject({ from, to, reason: "Reviewed the case file" });
          if (to === "RESOLVED" || to === "DENIED") expect(after.resolvedAt).not.toBeNull();
          if (to === "CLOSED") expect(after.closedAt).not.toBeNull();
          if (to === "ESCALATED") expect(after.escalationLevel).toBe(2);
          const template =
            to === "RESOLVED" ? "resolved" : to === "ESCALATED" ? "escalated" : "status_changed";
          expect((await notificationsFor(db, created.id)).map((n) => n.template)).toEqual([
            "received",
            template,
          ]);
          expect((await notificationsFor(db, created.id)).at(-1)).toEqual({
            template,
            idempotencyKey: `event:${last.id}`,
            status: "QUEUED",
            jobQueued: true,
          });
        } else {
          const error = await failure(attempt);
          expect(error.code).toBe("CONFLICT");
          expect(error.message).toMatch(new RegExp(`^Cannot change status from ${from} to ${to}`));
          expect((await db.grievance.findUniqueOrThrow({ where: { id: created.id } })).status).toBe(
            from,
          );
          expect(await db.grievanceEvent.count({ where: { grievanceId: created.id } })).toBe(
            eventsBefore,
          );
          expect((await notificationsFor(db, created.id)).map((n) => n.template)).toEqual([
            "received",
          ]);
        }
      });
    }
  }

  it("only the complainant disputes, with the phone on file, and the dispute reopens the case", async () => {
    const phone = nextPhone();
    const created = await createGrievance(db, chatbot, grievanceInput({ phone }));
    for (const status of ["UNDER_EVALUATION", "RESOLVED"] as const) {
      await changeStatus(db, supervisor, {
        grievanceId: created.id,
        status,
        reason: "Tanker schedule restored",
      });
    }
    expect(
      (
        await failure(
          changeStatus(db, supervisor, {
            grievanceId: created.id,
            status: "DISPUTED",
            reason: "Staff cannot do this",
          }),
        )
      ).message,
    ).toBe(
      "Cannot change status from RESOLVED to DISPUTED: only the complainant may do that. Possible next statuses: CLOSED.",
    );
    const wrongPhone = await failure(
      disputeGrievance(db, chatbot, {
        reference: created.reference,
        phone: nextPhone(),
        reason: "Still no water",
      }),
    );
    expect(wrongPhone).toMatchObject({
      code: "NOT_FOUND",
      message: "No grievance with this reference for this phone number",
    });
    const now = new Date("2033-01-10T00:00:00Z");
    const view = await disputeGrievance(
      db,
      chatbot,
      { reference: created.reference, phone: `+977-${phone}`, reason: "Still no water" },
      { now },
    );
    expect(view.status).toBe("DISPUTED");
    expect(view.updates.at(-1)).toMatchObject({
      type: "DISPUTED",
      status: "DISPUTED",
      message: "Still no water",
    });
    const after = await db.grievance.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.resolvedAt).toBeNull();
    // The complainant hears of each step, and the resolution says how to dispute it.
    expect((await notificationsFor(db, created.id)).map((n) => n.template)).toEqual([
      "received",
      "status_changed",
      "resolved",
      "status_changed",
    ]);
    expect(after.slaDueAt).toEqual(new Date("2033-01-12T00:00:00Z"));
    await changeStatus(db, supervisor, {
      grievanceId: created.id,
      status: "UNDER_EVALUATION",
      reason: "Re-opening after dispute",
    });
    expect((await db.grievance.findUniqueOrThrow({ where: { id: created.id } })).status).toBe(
      "UNDER_EVALUATION",
    );
  });
});
