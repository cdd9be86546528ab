import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor } from "../access/actor";
import { runJobs } from "../ai/test/run-jobs";
import { createGrievance } from "../services/create-grievance";
import { createChatbot, grievanceInput } from "../test/fixtures";
import { createFileStorage } from "./storage";
import type { FileStorage } from "./storage";
import { createFileTasks } from "./tasks";
import {
  GPS_MARKER,
  jpeg,
  jpegWithGps,
  mp3,
  noisyJpeg,
  oggVorbis,
  pdf,
  pngBomb,
  wav,
} from "./test/samples";
import { acceptUpload } from "./upload";

const run = promisify(execFile);

let db: Db;
let url: string;
let testDatabase: TestDatabase;
let dataDir: string;
let storage: FileStorage;
let chatbot: ChatbotActor;
let grievanceId: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  ({ db, url } = testDatabase);
  dataDir = await mkdtemp(path.join(tmpdir(), "sunuwai-process-"));
  storage = createFileStorage({ dataDir });
  chatbot = await createChatbot(db);
  grievanceId = (await createGrievance(db, chatbot, grievanceInput())).id;
});

afterAll(async () => {
  await testDatabase.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const tasks = () =>
  createFileTasks({ db: () => db, storage: () => storage, transcriber: () => null });

async function uploadAndProcess(
  bytes: Buffer,
  declaredName: string,
  fileType: "image" | "document" | "voice",
) {
  const accepted = await acceptUpload(
    db,
    {
      stream: Readable.from([bytes]),
      declaredName,
      fileType,
      grievanceId,
      uploader: { kind: "chatbot", apiTokenId: chatbot.apiTokenId },
    },
    storage,
  );
  await runJobs(db, url, tasks());
  return db.attachment.findUniqueOrThrow({ where: { id: accepted.id } });
}

async function stored(key: string | null): Promise<Buffer> {
  if (!key) throw new Error("no key");
  return Buffer.concat(await (await storage.get(key)).toArray());
}

describe("file.process: images", () => {
  it("turns a photo upright and strips every piece of metadata, GPS included", async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(before.orientation).toBe(6);
    expect(original.includes(GPS_MARKER)).toBe(true);

    const row = await uploadAndProcess(original, "site.jpg", "image");
    expect(row.status).toBe("PROCESSED");
    for (const key of [row.processedKey, row.thumbnailKey]) {
      const output = await stored(key);
      const meta = await sharp(output).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(output.includes(GPS_MARKER)).toBe(false);
      expect(output.includes("PhoneMaker")).toBe(false);
    }
    // Orientation 6 means "rotate 90°": the 400×200 landscape comes out 200×400 portrait.
    const processed = await sharp(await stored(row.processedKey)).metadata();
    expect([processed.width, processed.height]).toEqual([200, 400]);
    expect(row.metadata).toMatchObject({
      width: 200,
      height: 400,
      originalWidth: 400,
      originalHeight: 200,
      format: "jpeg",
    });
    const event = await db.grievanceEvent.findFirstOrThrow({
      where: { type: "FILE_PROCESSED" },
      orderBy: { id: "desc" },
    });
    expect(event.payload).toMatchObject({ attachmentId: row.id, status: "PROCESSED" });
  });

  it("scales a large photo down to 1920 px wide and makes a 320 px thumbnail", async () => {
    const row = await uploadAndProcess(await jpeg(4000, 3000), "wide.jpg", "image");
    expect(await sharp(await stored(row.processedKey)).metadata()).toMatchObject({
      width: 1920,
      height: 1440,
      format: "jpeg",
    });
    expect(await sharp(await stored(row.thumbnailKey)).metadata()).toMatchObject({
      width: 320,
      height: 240,
    });
  });

  it("rejects a decompression bomb (a small PNG declaring 30000×30000 pixels) with the reason", async () => {
    const bomb = pngBomb(30000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const row = await uploadAndProcess(bomb, "bomb.png", "image");
    expect(row).toMatchObject({ status: "REJECTED", processedKey: null, thumbnailKey: null });
    expect(row.rejectReason).toBe(
      "The image is 30000×30000 pixels (900 megapixels); at most 40 megapixels are accepted.",
    );
    const event = await db.grievanceEvent.findFirstOrThrow({
      where: { type: "FILE_PROCESSED" },
      orderBy: { id: "desc" },
    });
    expect(event.payload).toMatchObject({
      attachmentId: row.id,
      status: "REJECTED",
      reason: row.rejectReason,
    });
  });

  it("is idempotent: a second file.process job for the same file changes nothing", async () => {
    const row = await uploadAndProcess(await jpeg(300, 200), "again.jpg", "image");
    const events = await db.grievanceEvent.count({ where: { type: "FILE_PROCESSED" } });
    await db.$executeRaw`SELECT graphile_worker.add_job('file.process', json_build_object('attachmentId', ${row.id}::text))`;
    await runJobs(db, url, tasks());
    expect(await db.grievanceEvent.count({ where: { type: "FILE_PROCESSED" } })).toBe(events);
    expect(await db.attachment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      processedKey: row.processedKey,
      status: "PROCESSED",
    });
  });
});

describe("file.process: memory and time, measured in a child process", () => {
  const script = fileURLToPath(new URL("./test/measure-image.ts", import.meta.url));

  async function measure(
    bytes: Buffer,
  ): Promise<{ outcome: string; ms: number; maxRssMb: number }> {
    const file = path.join(dataDir, `measure-${bytes.length}`);
    await writeFile(file, bytes);
    const { stdout } = await run(process.execPath, ["--import", "tsx", script, file], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
    });
    return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as {
      outcome: string;
      ms: number;
      maxRssMb: number;
    };
  }

  it("refuses a bomb that sharp's own default limit would decode, at once and in bounded memory", async () => {
    // 12000² = 144 MP: under sharp's default cap (268 MP), so only our 40 MP limit stops it (decoding takes seconds).
    const result = await measure(pngBomb(12000));
    console.log(
      `bomb 12000×12000: ${result.outcome} in ${result.ms} ms, peak RSS ${result.maxRssMb} MB`,
    );
    expect(result.outcome).toMatch(/^rejected: The image is 12000×12000 pixels/);
    expect(result.ms).toBeLessThan(500);
    expect(result.maxRssMb).toBeLessThan(250);
  });

  it("re-encodes a 5 MB JPEG within the 400 MB RSS budget", async () => {
    const photo = await noisyJpeg(2600, 1950);
    expect(photo.length).toBeGreaterThan(4.5 * 1024 * 1024);
    const result = await measure(photo);
    console.log(
      `${(photo.length / 1048576).toFixed(2)} MB JPEG 2600×1950: ${result.outcome} in ${result.ms} ms, peak RSS ${result.maxRssMb} MB`,
    );
    expect(result.outcome).toBe("processed 1920x1440");
    expect(result.maxRssMb).toBeLessThan(400);
  });
});

describe("file.process: documents and audio", () => {
  it("counts the pages of a PDF", async () => {
    const row = await uploadAndProcess(await pdf(3), "report.pdf", "document");
    expect(row).toMatchObject({ status: "PROCESSED", metadata: { pages: 3 } });
  });

  it("rejects a PDF that only has a PDF header", async () => {
    const row = await uploadAndProcess(
      Buffer.from("%PDF-1.7\nthis is not really a pdf\n"),
      "fake.pdf",
      "document",
    );
    expect(row).toMatchObject({
      status: "REJECTED",
      rejectReason: "The PDF could not be read; it may be damaged.",
    });
  });

  it.each([
    ["voice.wav", () => wav(2), 2],
    ["voice.mp3", mp3, 1.5],
    ["voice.ogg", oggVorbis, 1.5],
  ] as const)(
    "reads the duration of %s and, without OpenAI, leaves it awaiting manual transcription",
    async (name, make, seconds) => {
      const row = await uploadAndProcess(make(), name, "voice");
      expect(row.status).toBe("PROCESSED");
      expect(row.transcript).toBeNull();
      const metadata = row.metadata as { durationSeconds: number; transcription: string };
      expect(metadata.durationSeconds).toBeCloseTo(seconds, 0);
      expect(metadata.transcription).toBe("awaiting_manual_transcription");
    },
  );
});
