import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor } from "../access/actor";
import { pendingJobs } from "../ai/test/run-jobs";
import { createGrievance } from "../services/create-grievance";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { createFileStorage } from "./storage";
import type { FileStorage } from "./storage";
import { htmlPage, jpeg, mp3, oggVorbis, pdf, png, svgNamedJpg, wav } from "./test/samples";
import { acceptUpload } from "./upload";
import type { Uploader } from "./upload";

let db: Db;
let testDatabase: TestDatabase;
let dataDir: string;
let storage: FileStorage;
let chatbot: ChatbotActor;
let grievanceId: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  ({ db } = testDatabase);
  dataDir = await mkdtemp(path.join(tmpdir(), "sunuwai-upload-"));
  storage = createFileStorage({ dataDir });
  chatbot = await createChatbot(db);
  grievanceId = (await createGrievance(db, chatbot, grievanceInput())).id;
});

afterAll(async () => {
  await testDatabase.drop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Feeds the bytes in 64 kB chunks, as a network stream would. */
function streamOf(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += 65536)
    chunks.push(bytes.subarray(offset, offset + 65536));
  return Readable.from(chunks);
}

function upload(
  bytes: Buffer | Readable,
  declaredName: string,
  fileType: string,
  target = grievanceId,
  uploader: Uploader = { kind: "chatbot", apiTokenId: chatbot.apiTokenId },
) {
  const stream = Buffer.isBuffer(bytes) ? streamOf(bytes) : bytes;
  return acceptUpload(
    db,
    { stream, declaredName, fileType, grievanceId: target, uploader },
    storage,
  );
}

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, "files"), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function snapshot() {
  return {
    files: (await storedFiles()).length,
    attachments: await db.attachment.count(),
    events: await db.grievanceEvent.count({ where: { type: "FILE_ADDED" } }),
    jobs: (await pendingJobs(db)).filter((job) => job.task === "file.process").length,
  };
}

describe("acceptUpload: accepted files", () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string, string, string][] = [
    ["a JPEG photo", () => jpeg(), "photo.jpg", "image", "image/jpeg"],
    ["a JPEG named .jpeg", () => jpeg(200, 100), "photo.jpeg", "image", "image/jpeg"],
    ["a PNG screenshot", () => png(), "screen.png", "image", "image/png"],
    ["a PDF document", () => pdf(2), "report.pdf", "document", "application/pdf"],
    ["a WAV voice note", () => wav(), "voice.wav", "voice", "audio/wav"],
    ["an MP3 voice note", () => mp3(), "voice.mp3", "voice", "audio/mpeg"],
    ["an Ogg Vorbis voice note", () => oggVorbis(), "voice.ogg", "voice", "audio/ogg"],
  ];

  it.each(cases)(
    "stores %s with its row, FILE_ADDED event and file.process job",
    async (_label, make, name, fileType, mime) => {
      const bytes = await make();
      const before = await snapshot();
      const accepted = await upload(bytes, name, fileType);
      expect(accepted).toMatchObject({
        fileType,
        mimeType: mime,
        sizeBytes: bytes.length,
        originalName: name,
      });
      expect(accepted.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));

      const row = await db.attachment.findUniqueOrThrow({ where: { id: accepted.id } });
      expect(row).toMatchObject({
        status: "PENDING",
        mimeType: mime,
        originalName: name,
        uploadedByApiTokenId: chatbot.apiTokenId,
      });
      expect(row.storageKey).not.toContain(name);
      expect(Buffer.concat(await (await storage.get(row.storageKey)).toArray()).equals(bytes)).toBe(
        true,
      );
      expect(await snapshot()).toEqual({
        files: before.files + 1,
        attachments: before.attachments + 1,
        events: before.events + 1,
        jobs: before.jobs + 1,
      });
      const event = await db.grievanceEvent.findFirstOrThrow({
        where: { type: "FILE_ADDED" },
        orderBy: { id: "desc" },
      });
      expect(event).toMatchObject({
        grievanceId,
        actorKind: "chatbot",
        payload: expect.objectContaining({ attachmentId: accepted.id }) as unknown,
      });
    },
  );

  it("accepts a file from staff who can see the grievance, attributed to them", async () => {
    const ward = await createWard(db, "UPLOAD-HOME");
    const officer = await createStaff(db, "OFFICER", "Officer Home", [ward]);
    const local = (await createGrievance(db, chatbot, grievanceInput({ ward: "UPLOAD-HOME" }))).id;
    const accepted = await upload(await pdf(1), "site-visit.pdf", "document", local, {
      kind: "user",
      ...officer,
    });
    expect(await db.attachment.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({
      uploadedByUserId: officer.userId,
      uploadedByApiTokenId: null,
    });
    const event = await db.grievanceEvent.findFirstOrThrow({
      where: { grievanceId: local, type: "FILE_ADDED" },
    });
    expect(event).toMatchObject({ actorKind: "user", actorId: officer.userId });
  });

  it("accepts a web ReadableStream (fetch/Next.js request bodies)", async () => {
    const bytes = await png(64, 64);
    const accepted = await acceptUpload(
      db,
      {
        stream: new Blob([bytes]).stream(),
        declaredName: "icon.png",
        fileType: "image",
        grievanceId,
        uploader: { kind: "chatbot", apiTokenId: chatbot.apiTokenId },
      },
      storage,
    );
    expect(accepted.sizeBytes).toBe(bytes.length);
  });
});

describe("acceptUpload: refused files leave nothing behind", () => {
  async function expectRefused(attempt: () => Promise<unknown>, code: string, message: RegExp) {
    const before = await snapshot();
    await expect(attempt()).rejects.toMatchObject({
      name: "AppError",
      code,
      message: expect.stringMatching(message) as unknown,
    });
    expect(await snapshot()).toEqual(before);
    const incoming = await readdir(path.join(dataDir, "files", ".incoming")).catch(() => []);
    expect(incoming).toEqual([]);
  }

  it("an SVG named photo.jpg", async () => {
    await expectRefused(
      () => upload(svgNamedJpg(), "photo.jpg", "image"),
      "UNSUPPORTED_MEDIA_TYPE",
      /file_type "image", but its content is application\/xml.*JPEG or PNG/,
    );
  });

  it("an HTML page named photo.jpg", async () => {
    await expectRefused(
      () => upload(htmlPage(), "photo.jpg", "image"),
      "UNSUPPORTED_MEDIA_TYPE",
      /not a format we recognise.*JPEG or PNG/,
    );
  });

  it("a real JPEG named x.jpg.php", async () => {
    await expectRefused(
      async () => upload(await jpeg(), "x.jpg.php", "image"),
      "UNSUPPORTED_MEDIA_TYPE",
      /"\.php" is not accepted as an image; allowed: \.jpg, \.jpeg, \.png/,
    );
  });

  it("a PDF sent as an image", async () => {
    await expectRefused(
      async () => upload(await pdf(1), "scan.jpg", "image"),
      "UNSUPPORTED_MEDIA_TYPE",
      /content is application\/pdf \(a document\)\. An image must be JPEG or PNG/,
    );
  });

  it("a JPEG sent as a voice note", async () => {
    await expectRefused(
      async () => upload(await jpeg(), "voice.mp3", "voice"),
      "UNSUPPORTED_MEDIA_TYPE",
      /content is image\/jpeg \(an image\)\. A voice note must be MP3, WAV or Ogg/,
    );
  });

  it("an unknown file_type", async () => {
    await expectRefused(
      async () => upload(await jpeg(), "photo.jpg", "video"),
      "VALIDATION",
      /file_type must be one of image, document, voice/,
    );
  });

  it("a path-traversal name ../../x.jpg", async () => {
    await expectRefused(
      async () => upload(await jpeg(), "../../x.jpg", "image"),
      "VALIDATION",
      /path separators/,
    );
  });

  it("a file for a grievance that does not exist", async () => {
    await expectRefused(
      async () =>
        upload(await jpeg(), "photo.jpg", "image", "00000000-0000-4000-8000-000000000000"),
      "NOT_FOUND",
      /No grievance/,
    );
  });

  it("a file from a chatbot token that did not file the grievance", async () => {
    const otherBot = await createChatbot(db);
    await expectRefused(
      async () =>
        upload(await jpeg(), "photo.jpg", "image", grievanceId, {
          kind: "chatbot",
          apiTokenId: otherBot.apiTokenId,
        }),
      "NOT_FOUND",
      /No grievance/,
    );
  });

  it("a file from an officer of another jurisdiction, or an analyst", async () => {
    const away = await createStaff(db, "OFFICER", "Officer Elsewhere", [
      await createWard(db, "UPLOAD-AWAY"),
    ]);
    await expectRefused(
      async () =>
        upload(await jpeg(), "photo.jpg", "image", grievanceId, { kind: "user", ...away }),
      "NOT_FOUND",
      /No grievance/,
    );
    const analyst = await createStaff(db, "ANALYST", "Anil Analyst");
    await expectRefused(
      async () =>
        upload(await jpeg(), "photo.jpg", "image", grievanceId, { kind: "user", ...analyst }),
      "FORBIDDEN",
      /Analysts have no access/,
    );
  });

  it("an empty file", async () => {
    await expectRefused(() => upload(Buffer.alloc(0), "photo.jpg", "image"), "VALIDATION", /empty/);
  });

  it("an oversized image, reading stopped just past the 5 MB limit", async () => {
    const head = await jpeg(100, 100);
    let served = 0;
    // 50 MB on demand; only what the upload pulls is ever produced.
    const endless = new Readable({
      read() {
        if (served >= 50 * 1024 * 1024) return this.push(null);
        const chunk =
          served === 0
            ? Buffer.concat([head, Buffer.alloc(65536 - head.length)])
            : Buffer.alloc(65536);
        served += chunk.length;
        this.push(chunk);
      },
    });
    await expectRefused(
      () => upload(endless, "big.jpg", "image"),
      "PAYLOAD_TOO_LARGE",
      /The image is larger than 5 MB; an image may be at most 5 MB \(JPEG or PNG\)/,
    );
    expect(served).toBeGreaterThan(5 * 1024 * 1024);
    expect(served).toBeLessThan(5 * 1024 * 1024 + 256 * 1024);
  });
});
