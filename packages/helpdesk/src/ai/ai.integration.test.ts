import { Readable } from "node:stream";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { createFileStorage } from "../files/storage";
import { createFileTasks } from "../files/tasks";
import { wav } from "../files/test/samples";
import { acceptUpload } from "../files/upload";
import { createGrievance } from "../services/create-grievance";
import { listQueue } from "../services/queue";
import { createChatbot, createStaff, grievanceInput } from "../test/fixtures";
import { DEFAULT_CATEGORIES } from "./categories";
import { classifyGrievance } from "./classify";
import { createAiServices } from "./select";
import type { AiServices } from "./select";
import { createGrievanceAiTasks } from "./tasks";
import { FakeOpenAi } from "./test/fake-openai";
import { limitAttempts, pendingJobs, runJobs } from "./test/run-jobs";

let db: Db;
let url: string;
let testDatabase: TestDatabase;
let chatbot: ChatbotActor;
let supervisor: StaffActor;
let dataDir: string;
const fake = new FakeOpenAi();
const categories = [...DEFAULT_CATEGORIES];

let openAi: AiServices;
const offline: AiServices = createAiServices({ openai: null, categories });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  ({ db, url } = testDatabase);
  chatbot = await createChatbot(db);
  supervisor = await createStaff(db, "SUPERVISOR", "Sunita Supervisor");
  dataDir = await mkdtemp(path.join(tmpdir(), "sunuwai-ai-"));
  await fake.start();
  openAi = createAiServices({
    openai: {
      apiKey: "sk-test",
      baseURL: fake.baseURL,
      model: "gpt-test",
      transcriptionModel: "whisper-test",
      timeoutMs: 5_000,
    },
    categories,
  });
});

afterAll(async () => {
  await fake.stop();
  await testDatabase.drop();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.failWith = null;
  fake.answers = {
    classification: { categories: ["Water Supply", "Health & Safety"], confidence: 0.92 },
    summary: {
      summary: "No drinking water in the tole for two weeks.",
      summaryEn: "No drinking water in the tole for two weeks.",
    },
    translation: { translation: "हाम्रो टोलमा दुई हप्तादेखि खानेपानी छैन।" },
    follow_ups: { questions: ["Which tole?", "How many households are affected?"] },
  };
});

const aiTasks = (services: AiServices) =>
  createGrievanceAiTasks({ db: () => db, ai: () => services });

async function fileGrievance(over: Parameters<typeof grievanceInput>[0] = {}) {
  const created = await createGrievance(db, chatbot, grievanceInput(over));
  return created;
}

const events = (
  grievanceId: string,
  type: "CLASSIFIED" | "CLASSIFICATION_FAILED" | "SUMMARIZED" | "TRANSLATED",
) => db.grievanceEvent.findMany({ where: { grievanceId, type }, orderBy: { id: "asc" } });

describe("grievance.classify with an OpenAI-compatible server", () => {
  it("records the model's categories as LLM_GENERATED, then summary, translation and follow-up questions", async () => {
    const { id } = await fileGrievance();
    await runJobs(db, url, aiTasks(openAi));
    const grievance = await db.grievance.findUniqueOrThrow({ where: { id } });
    expect(grievance).toMatchObject({
      classificationStatus: "LLM_GENERATED",
      categories: ["Water Supply", "Health & Safety"],
      classifiedBy: "openai:gpt-test",
      sensitive: false,
      summary: "No drinking water in the tole for two weeks.",
      summaryEn: "No drinking water in the tole for two weeks.",
      translatedText: "हाम्रो टोलमा दुई हप्तादेखि खानेपानी छैन।",
      translatedLanguage: "ne",
      followUpQuestions: [
        { id: "q1", question: "Which tole?" },
        { id: "q2", question: "How many households are affected?" },
      ],
    });
    const [classified] = await events(id, "CLASSIFIED");
    expect(classified?.payload).toMatchObject({
      categories: ["Water Supply", "Health & Safety"],
      by: "openai:gpt-test",
      confidence: 0.92,
    });
    const request = JSON.parse(
      fake.requests.find((r) => r.kind === "classification")?.body ?? "{}",
    ) as {
      model: string;
      messages: { content: string }[];
      response_format: { type: string; json_schema: { strict: boolean } };
    };
    expect(request.model).toBe("gpt-test");
    expect(request.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { strict: true },
    });
    expect(JSON.stringify(request.response_format)).toContain("Land Acquisition & Compensation");
    expect(request.messages.at(-1)?.content).toContain("tanker never comes");
  });

  it("runs twice (or concurrently) but records one classification", async () => {
    const { id } = await fileGrievance();
    await runJobs(db, url, aiTasks(openAi));
    const calls = fake.count("classification");
    await db.$executeRaw`SELECT graphile_worker.add_job('grievance.classify', json_build_object('grievanceId', ${id}::text))`;
    await runJobs(db, url, aiTasks(openAi));
    expect(fake.count("classification")).toBe(calls);
    expect(await events(id, "CLASSIFIED")).toHaveLength(1);
    expect(await events(id, "SUMMARIZED")).toHaveLength(1);

    const second = await fileGrievance();
    const attempt = { attempts: 1, maxAttempts: 25 };
    const outcomes = await Promise.all([
      classifyGrievance(db, openAi, second.id, attempt),
      classifyGrievance(db, openAi, second.id, attempt),
    ]);
    expect(outcomes.sort()).toEqual(["classified", "unchanged"]);
    expect(await events(second.id, "CLASSIFIED")).toHaveLength(1);
  });

  it("marks a Gender/SEAH grievance sensitive", async () => {
    fake.answers.classification = { categories: ["Gender/SEAH"], confidence: 0.97 };
    const { id } = await fileGrievance({
      description:
        "A camp worker follows my daughter home every evening and makes obscene remarks.",
    });
    await runJobs(db, url, aiTasks(openAi));
    expect(await db.grievance.findUniqueOrThrow({ where: { id } })).toMatchObject({
      categories: ["Gender/SEAH"],
      sensitive: true,
    });
  });

  it("retries a failing server, then marks LLM_FAILED and leaves the grievance in the queue for a person", async () => {
    fake.failWith = 500;
    const { id, reference } = await fileGrievance();
    await limitAttempts(db, "grievance.classify", 3);
    const before = fake.count("classification");
    await runJobs(db, url, aiTasks(openAi));
    expect(fake.count("classification") - before).toBe(3);
    const grievance = await db.grievance.findUniqueOrThrow({ where: { id } });
    expect(grievance).toMatchObject({
      classificationStatus: "LLM_FAILED",
      categories: [],
      status: "SUBMITTED",
    });
    const failed = await events(id, "CLASSIFICATION_FAILED");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.payload).toMatchObject({
      attempts: 3,
      by: "openai:gpt-test",
      error: expect.stringContaining("500") as unknown,
    });
    expect(await events(id, "CLASSIFIED")).toHaveLength(0);
    expect(
      (await pendingJobs(db)).filter((job) => job.task === "grievance.summarize"),
    ).toHaveLength(0);
    const queue = await listQueue(db, supervisor, { text: reference });
    expect(queue.items).toEqual([
      expect.objectContaining({ id, classificationStatus: "LLM_FAILED", status: "SUBMITTED" }),
    ]);
  });
});

describe("grievance.classify without an OpenAI key", () => {
  it("uses the offline classifier and says so (FALLBACK_GENERATED), with an extractive summary and no translation", async () => {
    const requestsBefore = fake.requests.length;
    const { id } = await fileGrievance();
    await runJobs(db, url, aiTasks(offline));
    const grievance = await db.grievance.findUniqueOrThrow({ where: { id } });
    expect(grievance).toMatchObject({
      classificationStatus: "FALLBACK_GENERATED",
      classifiedBy: "offline:nb-1",
      categories: expect.arrayContaining(["Water Supply"]) as unknown,
      summary: grievance.description,
      summaryEn: grievance.description,
      translatedText: null,
      translatedLanguage: null,
    });
    expect(grievance.categories[0]).toBe("Water Supply");
    const [translated] = await events(id, "TRANSLATED");
    expect(translated?.payload).toMatchObject({ untranslated: true, by: "offline:nb-1", to: "ne" });
    const [summarized] = await events(id, "SUMMARIZED");
    expect(summarized?.payload).toMatchObject({ by: "offline:nb-1", englishMissing: false });
    expect(fake.requests.length).toBe(requestsBefore);
  });

  it("writes the summary, translation marker and follow-ups with the classification, in one job", async () => {
    const { id } = await fileGrievance({ description: "No water." });
    // Only the classifier runs: enrichment jobs, had any been queued, would stay pending.
    const { "grievance.classify": classify } = aiTasks(offline);
    if (!classify) throw new Error("the AI task list has no grievance.classify");
    await runJobs(db, url, { "grievance.classify": classify });
    const [classified, summarized, translated] = await db.grievanceEvent.findMany({
      where: { grievanceId: id, type: { in: ["CLASSIFIED", "SUMMARIZED", "TRANSLATED"] } },
      orderBy: { id: "asc" },
    });
    expect([classified?.type, summarized?.type, translated?.type]).toEqual([
      "CLASSIFIED",
      "SUMMARIZED",
      "TRANSLATED",
    ]);
    const grievance = await db.grievance.findUniqueOrThrow({ where: { id } });
    expect(grievance.summary).toBe("No water.");
    expect((grievance.followUpQuestions as unknown[]).length).toBeGreaterThanOrEqual(2);
    const pending = (await pendingJobs(db)).map((job) => job.task);
    expect(pending.filter((task) => task.startsWith("grievance."))).toEqual([]);
  });

  it("classifies a Nepali grievance, leaves its English summary empty and asks follow-ups in Nepali when it is thin", async () => {
    const { id } = await fileGrievance({
      description: "क्याम्पका कामदारले किशोरीलाई जिस्क्याउँछन्।",
      language: "ne",
    });
    await runJobs(db, url, aiTasks(offline));
    const grievance = await db.grievance.findUniqueOrThrow({ where: { id } });
    expect(grievance).toMatchObject({
      categories: ["Gender/SEAH"],
      sensitive: true,
      summaryEn: null,
      classificationStatus: "FALLBACK_GENERATED",
    });
    const questions = grievance.followUpQuestions as { id: string; question: string }[];
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.every((q) => /[\u0900-\u097F]/.test(q.question))).toBe(true);
  });
});

describe("voice notes", () => {
  it("are transcribed through the OpenAI-compatible server and the grievance is classified again with the transcript", async () => {
    fake.transcript = "The contractor has not paid our wages for three months.";
    const storage = createFileStorage({ dataDir });
    const tasks = {
      ...aiTasks(openAi),
      ...createFileTasks({
        db: () => db,
        storage: () => storage,
        transcriber: () => openAi.transcriber,
      }),
    };
    const { id } = await fileGrievance({ description: "Please listen to my voice message." });
    await runJobs(db, url, tasks);
    expect(await events(id, "CLASSIFIED")).toHaveLength(1);

    fake.answers.classification = { categories: ["Labour"], confidence: 0.88 };
    const upload = await acceptUpload(
      db,
      {
        stream: Readable.from([wav(2)]),
        declaredName: "voice.wav",
        fileType: "voice",
        grievanceId: id,
        uploader: { kind: "chatbot", apiTokenId: chatbot.apiTokenId },
      },
      storage,
    );
    await runJobs(db, url, tasks);
    const attachment = await db.attachment.findUniqueOrThrow({ where: { id: upload.id } });
    expect(attachment).toMatchObject({ status: "PROCESSED", transcript: fake.transcript });
    expect(attachment.metadata).toMatchObject({
      transcription: "transcribed",
      transcribedBy: "openai:whisper-test",
    });
    expect(fake.requests.filter((r) => r.kind === "transcription").at(-1)?.body).toContain(
      'name="model"',
    );

    const classified = await events(id, "CLASSIFIED");
    expect(classified).toHaveLength(2);
    expect(classified[1]?.payload).toMatchObject({ categories: ["Labour"] });
    const lastRequest = fake.requests.filter((r) => r.kind === "classification").at(-1)?.body ?? "";
    expect(lastRequest).toContain("has not paid our wages");
    expect(await db.grievance.findUniqueOrThrow({ where: { id } })).toMatchObject({
      categories: ["Labour"],
      classificationStatus: "LLM_GENERATED",
    });
  });
});
