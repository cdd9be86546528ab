import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asChatbot,
  asStaff,
  failure,
  grievanceInput,
  helpdeskClient,
  nextPhone,
  runClassificationJobs,
  startHelpdeskApi,
} from "./grievance-harness";
import type { HelpdeskApi, HelpdeskClient } from "./grievance-harness";

let api: HelpdeskApi;
let bot: HelpdeskClient;
let otherBot: HelpdeskClient;

beforeAll(async () => {
  api = await startHelpdeskApi();
  bot = asChatbot(api.origin, api.cast.tokens.chatbot.secret);
  otherBot = asChatbot(api.origin, api.cast.tokens.otherBot.secret);
});

afterAll(async () => {
  await api?.close();
});

const GRV = /^GRV-\d{4}-\d{6}$/;

describe("grievance.create", () => {
  it("files complainant and grievance in one call and answers with the reference at once", async () => {
    const phone = nextPhone();
    const created = await bot.grievance.create.mutate(
      grievanceInput({ complainant: { fullName: "Ram Bahadur Thapa", phone, ward: "KMC-01" } }),
    );
    expect(created).toMatchObject({ status: "SUBMITTED", classificationStatus: "PENDING" });
    expect(created.reference).toMatch(GRV);

    const row = await api.db.grievance.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        reference: true,
        wardId: true,
        assigneeId: true,
        sourceApiTokenId: true,
        complainant: { select: { nameCipher: true } },
      },
    });
    expect(row).toMatchObject({
      reference: created.reference,
      wardId: api.cast.wards.kmc01.id,
      assigneeId: api.cast.users.officerA.id,
      sourceApiTokenId: api.cast.tokens.chatbot.id,
    });
    expect(Buffer.from(row.complainant.nameCipher).toString("latin1")).not.toContain("Ram");
    const jobs = await api.db.$queryRaw<{ task: string }[]>`
      SELECT task_identifier AS task FROM graphile_worker.jobs WHERE key = ${`grievance.classify:${created.id}`}`;
    expect(jobs).toEqual([{ task: "grievance.classify" }]);
  });

  it("refuses an invalid complainant with the failing field, and an unknown ward by name", async () => {
    const badPhone = await failure(
      bot.grievance.create.mutate(
        grievanceInput({ complainant: { fullName: "X", phone: "call me maybe" } }),
      ),
    );
    expect(badPhone).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(badPhone.message).toContain("complainant.phone");

    const unknownWard = await failure(
      bot.grievance.create.mutate(grievanceInput({ ward: "NOWHERE-99" })),
    );
    expect(unknownWard).toMatchObject({
      code: "BAD_REQUEST",
      message: 'Unknown ward "NOWHERE-99"',
    });
  });
});

describe("reading a grievance as the complainant's chatbot", () => {
  it("needs the phone number on file, in any spelling; a wrong phone looks like an unknown reference", async () => {
    const phone = "9851234567";
    const created = await bot.grievance.create.mutate(
      grievanceInput({ complainant: { fullName: "Gita Rai", phone, ward: "KMC-02" } }),
    );
    for (const spelling of ["+977-9851234567", "009779851234567", phone]) {
      const view = await otherBot.grievance.status.query({
        reference: created.reference.toLowerCase(),
        phone: spelling,
      });
      expect(view).toMatchObject({
        reference: created.reference,
        status: "SUBMITTED",
        statusLabel: { en: "Submitted", ne: "पेश गरिएको" },
        classificationStatus: "PENDING",
        files: [],
      });
    }
    const wrongPhone = await failure(
      bot.grievance.status.query({ reference: created.reference, phone: "9860000001" }),
    );
    const unknown = await failure(
      bot.grievance.status.query({ reference: "GRV-2020-999999", phone }),
    );
    expect(wrongPhone).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    expect(wrongPhone).toEqual(unknown);
  });

  it("lets the token that filed a grievance read it by reference alone, and no other token", async () => {
    const created = await bot.grievance.create.mutate(grievanceInput());
    expect(await bot.grievance.filed.query({ reference: created.reference })).toMatchObject({
      reference: created.reference,
      description: grievanceInput().description,
    });
    expect(
      await failure(otherBot.grievance.filed.query({ reference: created.reference })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists every grievance of a phone number, newest first, and nobody else's", async () => {
    const phone = nextPhone();
    const first = await bot.grievance.create.mutate(
      grievanceInput({ complainant: { fullName: "Hari Sharma", phone, ward: "KMC-01" } }),
    );
    const second = await otherBot.grievance.create.mutate(
      grievanceInput({
        complainant: { fullName: "Hari Sharma", phone: `+977 ${phone}`, ward: "KMC-01" },
        description: "The street light on our lane has been broken for a month now.",
      }),
    );
    const listed = await bot.grievance.listByPhone.query({
      phone: `0097 7${phone}`.replace(" ", ""),
    });
    expect(listed.map((view) => view.reference)).toEqual([second.reference, first.reference]);
    expect(await bot.grievance.listByPhone.query({ phone: "9869999999" })).toEqual([]);
  });
});

describe("the complainant's follow-ups", () => {
  it("adds messages and answers the classifier's follow-up questions", async () => {
    const phone = nextPhone();
    const created = await bot.grievance.create.mutate(
      grievanceInput({
        complainant: { fullName: "Maya Gurung", phone, ward: "KMC-01" },
        description: "The water from the tap is dirty.",
      }),
    );
    const lookup = { reference: created.reference, phone };
    const { eventId } = await bot.grievance.addMessage.mutate({
      ...lookup,
      message: "It smells of mud too.",
    });
    expect(eventId).toMatch(/^\d+$/);

    await runClassificationJobs(api.db, api.url);
    const classified = await bot.grievance.status.query(lookup);
    expect(classified.classificationStatus).toBe("FALLBACK_GENERATED");
    expect(classified.categories).toContain("Water Supply");
    const question = classified.followUpQuestions[0];
    expect(question?.id).toBe("q1");
    expect(question?.question).toMatch(/\?$/);

    const answered = await bot.grievance.answerFollowUp.mutate({
      ...lookup,
      questionId: question?.id ?? "",
      answer: "Twelve households in Tole 4, since last Sunday.",
    });
    expect(answered.followUpQuestions[0]).toMatchObject({
      answer: "Twelve households in Tole 4, since last Sunday.",
    });
    expect(answered.updates.map((update) => [update.type, update.message])).toEqual(
      expect.arrayContaining([
        ["MESSAGE_ADDED", "It smells of mud too."],
        ["FOLLOW_UP_ANSWERED", null],
      ]),
    );
    expect(
      await failure(
        bot.grievance.answerFollowUp.mutate({ ...lookup, questionId: "q9", answer: "?" }),
      ),
    ).toMatchObject({
      code: "NOT_FOUND",
      message: "This grievance has no such follow-up question",
    });
  });

  it("disputes a resolved grievance, which reopens it; an open one cannot be disputed", async () => {
    const phone = nextPhone();
    const created = await bot.grievance.create.mutate(
      grievanceInput({ complainant: { fullName: "Nabin KC", phone, ward: "KMC-01" } }),
    );
    const lookup = { reference: created.reference, phone };
    const early = await failure(
      bot.grievance.dispute.mutate({ ...lookup, reason: "Nothing has been done yet." }),
    );
    expect(early).toMatchObject({ code: "CONFLICT", httpStatus: 409 });

    const officer = await asStaff(api.origin, api.cast.users.officerA.id);
    await officer.grievance.changeStatus.mutate({
      grievanceId: created.id,
      status: "UNDER_EVALUATION",
      reason: "Checking with the water office",
    });
    await officer.grievance.changeStatus.mutate({
      grievanceId: created.id,
      status: "RESOLVED",
      reason: "The tanker schedule was restored",
    });
    const disputed = await bot.grievance.dispute.mutate({
      ...lookup,
      reason: "The tanker came once and never again.",
    });
    expect(disputed.status).toBe("DISPUTED");
    expect(disputed.updates.at(-1)).toMatchObject({
      type: "DISPUTED",
      status: "DISPUTED",
      message: "The tanker came once and never again.",
    });
  });
});

describe("who may call the chatbot procedures", () => {
  it("answers 401 without a token or with an unknown one", async () => {
    for (const client of [
      helpdeskClient(api.origin),
      asChatbot(api.origin, "snw_not-a-real-token-but-long-enough"),
    ]) {
      expect(await failure(client.grievance.create.mutate(grievanceInput()))).toMatchObject({
        code: "UNAUTHORIZED",
        httpStatus: 401,
      });
    }
  });

  it("checks each procedure's scope: a write-only token files but cannot read", async () => {
    const filer = asChatbot(api.origin, api.cast.tokens.writeOnly.secret);
    const phone = nextPhone();
    const created = await filer.grievance.create.mutate(
      grievanceInput({ complainant: { fullName: "Sabina Tamang", phone } }),
    );
    expect(
      await failure(filer.grievance.status.query({ reference: created.reference, phone })),
    ).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
      message: "This API token lacks the scope grievance:read.",
    });
  });

  it("keeps staff sessions out of the chatbot procedures", async () => {
    const supervisor = await asStaff(api.origin, api.cast.users.supervisor.id);
    expect(await failure(supervisor.grievance.create.mutate(grievanceInput()))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
