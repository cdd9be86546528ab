import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asChatbot,
  asStaff,
  failure,
  grievanceInput,
  startHelpdeskApi,
} from "../../../test/grievance-harness";
import type { HelpdeskApi } from "../../../test/grievance-harness";

let api: HelpdeskApi;

beforeAll(async () => {
  api = await startHelpdeskApi();
});

afterAll(async () => {
  await api?.close();
});

async function fileGrievance() {
  return asChatbot(api.origin, api.cast.tokens.chatbot.secret).grievance.create.mutate(
    grievanceInput(),
  );
}

describe("notification.list", () => {
  it("shows the complainant's messages about a grievance: received, then each status change", async () => {
    const { id } = await fileGrievance();
    const officer = await asStaff(api.origin, api.cast.users.officerA.id);
    await officer.grievance.changeStatus.mutate({
      grievanceId: id,
      status: "UNDER_EVALUATION",
      reason: "Site visit booked",
    });
    const messages = await officer.notification.list.query({ grievanceId: id });
    expect(messages.map((m) => [m.template, m.channel, m.status, m.attempts])).toEqual([
      ["received", "EMAIL", "QUEUED", 0],
      ["status_changed", "EMAIL", "QUEUED", 0],
    ]);
    expect(messages[0]?.createdAt).toBeInstanceOf(Date);
  });

  it("refuses another ward's officer as if the grievance did not exist, and analysts outright", async () => {
    const { id } = await fileGrievance();
    const elsewhere = await asStaff(api.origin, api.cast.users.officerC.id);
    expect(await failure(elsewhere.notification.list.query({ grievanceId: id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    const analyst = await asStaff(api.origin, api.cast.users.analyst.id);
    expect(await failure(analyst.notification.list.query({ grievanceId: id }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("notification.resend", () => {
  it("queues a failed message again with a new send job; a queued one cannot be resent", async () => {
    const { id } = await fileGrievance();
    const supervisor = await asStaff(api.origin, api.cast.users.supervisor.id);
    const [received] = await supervisor.notification.list.query({ grievanceId: id });
    if (!received) throw new Error("expected the received message");
    expect(
      await failure(supervisor.notification.resend.mutate({ notificationId: received.id })),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/this one is queued/) as unknown,
    });

    // What the worker leaves after the provider's last refusal.
    await api.db.notification.update({
      where: { id: received.id },
      data: { status: "FAILED", attempts: 25, lastError: "SMS gateway answered 503" },
    });
    await api.db
      .$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE payload->>'notificationId' = ${received.id}`;
    expect(await supervisor.notification.resend.mutate({ notificationId: received.id })).toEqual({
      notificationId: received.id,
    });
    const [again] = await supervisor.notification.list.query({ grievanceId: id });
    expect(again).toMatchObject({ status: "QUEUED", lastError: null });
    const jobs = await api.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM graphile_worker._private_jobs WHERE payload->>'notificationId' = ${received.id}`;
    expect(Number(jobs[0]?.count)).toBe(1);
  });
});
