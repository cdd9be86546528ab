import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { runJobs } from "../ai/test/run-jobs";
import { createGrievance } from "../services/create-grievance";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { openAttachment } from "./download";
import { createFileStorage } from "./storage";
import type { FileStorage } from "./storage";
import { createFileTasks } from "./tasks";
import { jpegWithGps, pdf } from "./test/samples";
import { acceptUpload } from "./upload";

let testDatabase: TestDatabase;
let db: Db;
let dataDir: string;
let storage: FileStorage;
let chatbot: ChatbotActor;
let otherChatbot: ChatbotActor;
let officer: StaffActor;
let otherOfficer: StaffActor;
let grievanceId: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  ({ db } = testDatabase);
  dataDir = await mkdtemp(path.join(tmpdir(), "sunuwai-download-"));
  storage = createFileStorage({ dataDir });
  chatbot = await createChatbot(db);
  otherChatbot = await createChatbot(db);
  const ward = await createWard(db, "KMC-31");
  const otherWard = await createWard(db, "KMC-32");
  officer = await createStaff(db, "OFFICER", "Ram Officer", [ward]);
  otherOfficer = await createStaff(db, "OFFICER", "Hari Officer", [otherWard]);
  grievanceId = (await createGrievance(db, chatbot, grievanceInput({ ward: "KMC-31" }))).id;
});

afterAll(async () => {
  await testDatabase.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function upload(bytes: Buffer, name: string, fileType: "image" | "document") {
  return acceptUpload(
    db,
    {
      stream: Readable.from([bytes]),
      declaredName: name,
      fileType,
      grievanceId,
      uploader: { kind: "chatbot", apiTokenId: chatbot.apiTokenId },
    },
    storage,
  );
}

const read = async (stream: Readable) => Buffer.concat(await stream.toArray());

describe("openAttachment", () => {
  it("serves an image only once processed, and then only the processed version without EXIF", async () => {
    const original = await jpegWithGps();
    const { id } = await upload(original, "site photo.jpg", "image");
    await expect(openAttachment(db, storage, { staff: officer }, id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/still being processed/) as unknown,
    });

    await runJobs(
      db,
      testDatabase.url,
      createFileTasks({ db: () => db, storage: () => storage, transcriber: () => null }),
    );
    const download = await openAttachment(db, storage, { staff: officer }, id);
    expect(download).toMatchObject({ contentType: "image/jpeg", fileName: "site photo.jpg" });
    const bytes = await read(download.stream);
    expect(bytes.equals(original)).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    const thumbnail = await openAttachment(db, storage, { chatbot }, id, { thumbnail: true });
    expect((await sharp(await read(thumbnail.stream)).metadata()).width).toBeLessThanOrEqual(320);
  });

  it("forbids another jurisdiction's officer and another chatbot", async () => {
    const { id } = await upload(await pdf(1), "report.pdf", "document");
    expect(
      (await read((await openAttachment(db, storage, { chatbot }, id)).stream))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await expect(openAttachment(db, storage, { staff: otherOfficer }, id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(openAttachment(db, storage, { chatbot: otherChatbot }, id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      openAttachment(db, storage, { staff: officer }, "not-a-uuid"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
