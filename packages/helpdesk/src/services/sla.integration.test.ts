import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import {
  createChatbot,
  createStaff,
  createWard,
  grievanceInput,
  notificationsFor,
} from "../test/fixtures";
import { createGrievance } from "./create-grievance";
import { escalateOverdueGrievances } from "./escalate-overdue";
import { slaReport } from "./sla-report";
import { changeStatus } from "./staff-actions";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;
let officer: StaffActor;
let wardSupervisor: StaffActor;
let otherSupervisor: StaffActor;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

beforeAll(async () => {
  testDb = await createTestDatabase({ max: 10 });
  db = testDb.db;
  chatbot = await createChatbot(db);
  const ward = await createWard(db, "SLA-1");
  officer = await createStaff(db, "OFFICER", "Officer Om", [ward]);
  otherSupervisor = await createStaff(db, "SUPERVISOR", "Supervisor Elsewhere");
  wardSupervisor = await createStaff(db, "SUPERVISOR", "Supervisor Of SLA-1", [ward]);
});

afterAll(async () => {
  await testDb.drop();
});

const snapshot = (id: string) =>
  db.grievance.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      escalationLevel: true,
      slaDueAt: true,
      assigneeId: true,
      updatedAt: true,
    },
  });
const escalations = (id: string) =>
  db.grievanceEvent.findMany({
    where: { grievanceId: id, type: "ESCALATED" },
    orderBy: { id: "asc" },
  });

describe("escalateOverdueGrievances", () => {
  it("escalates once per overdue period, reassigns to a supervisor, and a second run changes nothing", async () => {
    const t0 = new Date("2040-01-01T00:00:00Z");
    const { id } = await createGrievance(db, chatbot, grievanceInput({ ward: "SLA-1" }), {
      now: t0,
    });
    expect(await snapshot(id)).toMatchObject({
      assigneeId: officer.userId,
      slaDueAt: at(t0, 2 * DAY),
    });

    expect((await escalateOverdueGrievances(db, { now: at(t0, 2 * DAY - 1) })).escalated).toEqual(
      [],
    );

    const due1 = at(t0, 2 * DAY + 60_000);
    const first = await escalateOverdueGrievances(db, { now: due1 });
    expect(first.escalated).toEqual([
      expect.objectContaining({ id, toLevel: 2, assigneeId: wardSupervisor.userId }),
    ]);
    const level2 = await snapshot(id);
    expect(level2).toMatchObject({
      status: "ESCALATED",
      escalationLevel: 2,
      assigneeId: wardSupervisor.userId,
      slaDueAt: at(due1, 7 * DAY),
    });
    const [event] = await escalations(id);
    expect(event).toMatchObject({ actorKind: "system", public: true });
    expect(event?.payload).toMatchObject({
      from: "SUBMITTED",
      to: "ESCALATED",
      fromLevel: 1,
      toLevel: 2,
      trigger: "sla",
      previousAssigneeId: officer.userId,
    });

    // The same tick again (the cron firing twice, a retried job): nothing changes.
    expect((await escalateOverdueGrievances(db, { now: due1 })).escalated).toEqual([]);
    expect(await snapshot(id)).toEqual(level2);
    expect(await escalations(id)).toHaveLength(1);

    const due2 = at(due1, 7 * DAY);
    expect((await escalateOverdueGrievances(db, { now: due2 })).escalated).toHaveLength(1);
    expect(await snapshot(id)).toMatchObject({
      status: "ESCALATED",
      escalationLevel: 3,
      slaDueAt: at(due2, 15 * DAY),
    });

    const due3 = at(due2, 15 * DAY);
    expect((await escalateOverdueGrievances(db, { now: due3 })).escalated).toHaveLength(1);
    expect(await snapshot(id)).toMatchObject({ escalationLevel: 4, slaDueAt: null });

    // Level 4 (legal) has no clock.
    expect((await escalateOverdueGrievances(db, { now: at(due3, 365 * DAY) })).escalated).toEqual(
      [],
    );
    expect((await escalations(id)).map((e) => (e.payload as { toLevel: number }).toLevel)).toEqual([
      2, 3, 4,
    ]);
    // One "escalated" message per escalation, each with its send job; the repeated tick queued none.
    const sent = await notificationsFor(db, id);
    expect(sent.map((n) => [n.template, n.jobQueued])).toEqual([
      ["received", true],
      ["escalated", true],
      ["escalated", true],
      ["escalated", true],
    ]);
    expect(sent.slice(1).map((n) => n.idempotencyKey)).toEqual(
      (await escalations(id)).map((e) => `event:${e.id}`),
    );
  });

  it("leaves resolved grievances alone and never double-escalates under concurrent runs", async () => {
    const t0 = new Date("2041-05-01T00:00:00Z");
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      ids.push(
        (await createGrievance(db, chatbot, grievanceInput({ ward: "SLA-1" }), { now: t0 })).id,
      );
    }
    const resolved = ids.slice(0, 2);
    for (const grievanceId of resolved) {
      await changeStatus(
        db,
        officer,
        { grievanceId, status: "UNDER_EVALUATION", reason: "Looking into it" },
        { now: t0 },
      );
      await changeStatus(
        db,
        officer,
        { grievanceId, status: "RESOLVED", reason: "Fixed on site" },
        { now: t0 },
      );
    }
    const now = at(t0, 3 * DAY);
    const runs = await Promise.all([
      escalateOverdueGrievances(db, { now, batchSize: 5 }),
      escalateOverdueGrievances(db, { now, batchSize: 5 }),
      escalateOverdueGrievances(db, { now, batchSize: 5 }),
    ]);
    const escalated = runs.flatMap((run) => run.escalated.map((item) => item.id)).sort();
    expect(escalated).toEqual(ids.slice(2).sort());
    for (const grievanceId of ids.slice(2)) expect(await escalations(grievanceId)).toHaveLength(1);
    for (const grievanceId of resolved)
      expect(await snapshot(grievanceId)).toMatchObject({ status: "RESOLVED", escalationLevel: 1 });
    // The ward's supervisor takes escalations first.
    expect(new Set(runs.flatMap((run) => run.escalated.map((item) => item.assigneeId)))).toEqual(
      new Set([wardSupervisor.userId]),
    );
  });

  it("sends escalations to the least-loaded supervisor when none covers the ward", async () => {
    const t0 = new Date("2042-03-01T00:00:00Z");
    await createWard(db, "SLA-2");
    const a = await createGrievance(db, chatbot, grievanceInput({ ward: "SLA-2" }), { now: t0 });
    const run = await escalateOverdueGrievances(db, { now: at(t0, 3 * DAY) });
    // The ward supervisor of SLA-1 holds every earlier escalation; the other supervisor holds none.
    expect(run.escalated).toContainEqual(
      expect.objectContaining({ id: a.id, toLevel: 2, assigneeId: otherSupervisor.userId }),
    );
  });
});

describe("slaReport", () => {
  it("gives % within SLA and the median time to resolve per officer and per ward", async () => {
    const ward = await createWard(db, "SLA-3");
    const reporter = await createStaff(db, "OFFICER", "Officer Reporter", [ward]);
    const t0 = new Date("2043-01-01T00:00:00Z");
    const quick = await createGrievance(db, chatbot, grievanceInput({ ward: "SLA-3" }), {
      now: t0,
    });
    const slow = await createGrievance(db, chatbot, grievanceInput({ ward: "SLA-3" }), { now: t0 });
    const late = await createGrievance(db, chatbot, grievanceInput({ ward: "SLA-3" }), {
      now: at(t0, DAY),
    });
    await changeStatus(
      db,
      reporter,
      { grievanceId: quick.id, status: "UNDER_EVALUATION", reason: "Site visit" },
      { now: at(t0, HOUR) },
    );
    await changeStatus(
      db,
      reporter,
      { grievanceId: quick.id, status: "RESOLVED", reason: "Pipe repaired" },
      { now: at(t0, DAY) },
    );
    await escalateOverdueGrievances(db, { now: at(t0, 2 * DAY + HOUR) });
    await changeStatus(
      db,
      wardSupervisor,
      { grievanceId: slow.id, status: "RESOLVED", reason: "Compensation paid" },
      { now: at(t0, 3 * DAY) },
    );

    const report = await slaReport(db, wardSupervisor, {}, { now: at(t0, 3 * DAY + HOUR) });
    const byWard = report.byWard.find((row) => row.ward?.code === "SLA-3");
    expect(byWard).toEqual({
      ward: { id: ward, code: "SLA-3", name: "Ward SLA-3" },
      total: 3,
      open: 1,
      overdueOpen: 1,
      resolved: 2,
      resolvedWithinSla: 1,
      percentWithinSla: 50,
      medianHoursToResolve: 48,
    });
    const byOfficer = report.byOfficer.find((row) => row.officer?.id === reporter.userId);
    expect(byOfficer).toMatchObject({
      total: 2,
      open: 1,
      overdueOpen: 1,
      resolved: 1,
      resolvedWithinSla: 1,
      percentWithinSla: 100,
      medianHoursToResolve: 24,
    });
    expect(late.reference).toMatch(/^GRV-2043-/);
  });
});
