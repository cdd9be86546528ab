import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { AppError } from "@sunuwai/validators/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { createChatbot, createStaff, grievanceInput, nextPhone } from "../test/fixtures";
import {
  addComplainantMessage,
  answerFollowUpQuestion,
  getGrievanceForComplainant,
  listGrievancesByPhone,
} from "./chatbot";
import { createGrievance } from "./create-grievance";
import { addComment, changeStatus } from "./staff-actions";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;
let supervisor: StaffActor;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  chatbot = await createChatbot(db);
  supervisor = await createStaff(db, "SUPERVISOR", "Supervisor Sarita");
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

describe("chatbot", () => {
  it("reads a grievance's status only with the phone on file, in any spelling", async () => {
    const phone = nextPhone();
    const created = await createGrievance(db, chatbot, grievanceInput({ phone }));
    const view = await getGrievanceForComplainant(db, chatbot, {
      reference: created.reference.toLowerCase(),
      phone: `00977${phone}`,
    });
    expect(view).toMatchObject({
      reference: created.reference,
      status: "SUBMITTED",
      statusLabel: { en: "Submitted", ne: "पेश गरिएको" },
      classificationStatus: "PENDING",
      files: [],
    });
    expect(view.updates.map((update) => update.type)).toEqual(["CREATED"]);
    const wrong = await failure(
      getGrievanceForComplainant(db, chatbot, { reference: created.reference, phone: nextPhone() }),
    );
    const unknown = await failure(
      getGrievanceForComplainant(db, chatbot, { reference: "GRV-1999-000001", phone }),
    );
    const junk = await failure(
      getGrievanceForComplainant(db, chatbot, { reference: created.reference, phone: "000" }),
    );
    for (const error of [wrong, unknown, junk]) {
      expect({ code: error.code, message: error.message }).toEqual({
        code: "NOT_FOUND",
        message: "No grievance with this reference for this phone number",
      });
    }
  });

  it("lists a phone's grievances newest first, under any spelling", async () => {
    const phone = nextPhone();
    const first = await createGrievance(db, chatbot, grievanceInput({ phone }), {
      now: new Date("2030-01-01T00:00:00Z"),
    });
    const second = await createGrievance(db, chatbot, grievanceInput({ phone: `+977-${phone}` }), {
      now: new Date("2030-02-01T00:00:00Z"),
    });
    await createGrievance(db, chatbot, grievanceInput());
    const list = await listGrievancesByPhone(db, chatbot, { phone: `+977 ${phone}` });
    expect(list.map((item) => item.reference)).toEqual([second.reference, first.reference]);
    expect(await listGrievancesByPhone(db, chatbot, { phone: "not a phone" })).toEqual([]);
  });

  it("shows the complainant their messages, replies and status changes, never internal notes", async () => {
    const phone = nextPhone();
    const created = await createGrievance(db, chatbot, grievanceInput({ phone }));
    await addComplainantMessage(db, chatbot, {
      reference: created.reference,
      phone,
      message: "It is getting worse, please hurry",
    });
    await addComment(db, supervisor, {
      grievanceId: created.id,
      kind: "note",
      text: "Internal: contractor is unreliable",
    });
    await addComment(db, supervisor, {
      grievanceId: created.id,
      kind: "reply",
      text: "We have sent an engineer",
    });
    await changeStatus(db, supervisor, {
      grievanceId: created.id,
      status: "UNDER_EVALUATION",
      reason: "Engineer on site",
    });
    const view = await getGrievanceForComplainant(db, chatbot, {
      reference: created.reference,
      phone,
    });
    expect(view.updates.map(({ type, message, status }) => ({ type, message, status }))).toEqual([
      { type: "CREATED", message: null, status: null },
      { type: "MESSAGE_ADDED", message: "It is getting worse, please hurry", status: null },
      { type: "REPLY_SENT", message: "We have sent an engineer", status: null },
      { type: "STATUS_CHANGED", message: null, status: "UNDER_EVALUATION" },
    ]);
    expect(JSON.stringify(view)).not.toContain("unreliable");
    const event = await db.grievanceEvent.findFirstOrThrow({
      where: { grievanceId: created.id, type: "MESSAGE_ADDED" },
    });
    expect(event).toMatchObject({ actorKind: "chatbot", actorId: null, public: true });
    expect(event.payload).toMatchObject({ apiTokenId: chatbot.apiTokenId });
  });

  it("records an answer to a follow-up question and queues classification again", async () => {
    const phone = nextPhone();
    const created = await createGrievance(db, chatbot, grievanceInput({ phone }));
    await db.grievance.update({
      where: { id: created.id },
      data: {
        followUpQuestions: [
          { id: "q1", question: "Since when has the water been cut?" },
          { id: "q2", question: "Which tole?" },
        ],
      },
    });
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    const now = new Date("2030-05-05T05:00:00Z");
    const view = await answerFollowUpQuestion(
      db,
      chatbot,
      { reference: created.reference, phone, questionId: "q1", answer: "Two weeks" },
      { now },
    );
    expect(view.followUpQuestions).toEqual([
      {
        id: "q1",
        question: "Since when has the water been cut?",
        answer: "Two weeks",
        answeredAt: now.toISOString(),
      },
      { id: "q2", question: "Which tole?" },
    ]);
    const jobs = await db.$queryRaw<
      { payload: unknown }[]
    >`SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'grievance.classify'`;
    expect(jobs.map((job) => job.payload)).toEqual([{ grievanceId: created.id }]);
    expect(
      await failure(
        answerFollowUpQuestion(db, chatbot, {
          reference: created.reference,
          phone,
          questionId: "q9",
          answer: "?",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a message on a closed grievance", async () => {
    const phone = nextPhone();
    const created = await createGrievance(db, chatbot, grievanceInput({ phone }));
    await db.grievance.update({ where: { id: created.id }, data: { status: "CLOSED" } });
    const error = await failure(
      addComplainantMessage(db, chatbot, {
        reference: created.reference,
        phone,
        message: "Hello?",
      }),
    );
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: `${created.reference} is closed; file a new grievance instead`,
    });
  });
});
