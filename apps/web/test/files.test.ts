// Uploads and downloads over real HTTP against `next start`: the REST routes a chatbot uses, the staff session,
// and what ends up (or does not) in DATA_DIR/files and the database.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Logger, runOnce } from "graphile-worker";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@sunuwai/auth";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createFileTasks, LocalFileStorage } from "@sunuwai/helpdesk/files";
import {
  GPS_MARKER,
  htmlPage,
  jpeg,
  jpegWithGps,
  mp3,
  oggVorbis,
  pdf,
  png,
  svgNamedJpg,
  wav,
} from "@sunuwai/helpdesk/files/samples";
import { startAppServer } from "./app-server";
import type { AppServer } from "./app-server";
import { chatbotClient, multipart, signIn, streamUpload } from "./files-client";
import type { Part } from "./files-client";

const MB = 1024 * 1024;
const testKey = (fill: number) => Buffer.alloc(32, fill).toString("base64");

let app: AppServer;
let db: Db;
let dataDir: string;
let grievanceId: string;
let officer: string;
let otherOfficer: string;
let analyst: string;

interface UploadBody {
  status: string;
  file_id: string;
  file_path: string;
  file_type: string;
  mime_type: string;
  size_bytes: number;
  original_name: string;
}
interface ErrorBody {
  status: "error";
  error: { code: string; message: string };
}

beforeAll(async () => {
  // `next start` inherits these: files go to a throw-away folder, PII is encrypted with test keys.
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-web-files-"));
  process.env.DATA_DIR = dataDir;
  process.env.PII_ENCRYPTION_KEYS = `test1:${testKey(1)}`;
  process.env.PII_BLIND_INDEX_KEY = testKey(9);
  app = await startAppServer();
  db = createDb(app.databaseUrl, { max: 2 });
  const created = await chatbotClient(app.url, app.chatbotToken).grievance.create.mutate({
    complainant: {
      fullName: "Sita Kumari Shrestha",
      phone: "9841234567",
      email: "sita@example.com",
      ward: "KMC-01",
    },
    description: "The drinking water supply in our tole has been cut for two weeks.",
    language: "en",
  });
  grievanceId = created.id;
  officer = await signIn(app.url, "officer@sunuwai.local", app.password);
  otherOfficer = await signIn(app.url, "officer2@sunuwai.local", app.password);
  analyst = await signIn(app.url, "analyst@sunuwai.local", app.password);
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const bearer = (token = app.chatbotToken) => ({ authorization: `Bearer ${token}` });

/** Every file under DATA_DIR/files, the half-written ones in .incoming included. */
function storedFiles(): string[] {
  const root = path.join(dataDir, "files");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** What an upload leaves behind: stored files, Attachment rows, FILE_ADDED events and file.process jobs. */
async function snapshot() {
  const [jobs] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'file.process'`;
  return {
    files: storedFiles().length,
    attachments: await db.attachment.count(),
    events: await db.grievanceEvent.count({ where: { type: "FILE_ADDED" } }),
    jobs: Number(jobs?.count ?? 0),
  };
}

function formFor(bytes: Buffer, filename: string, fileType: string, target = grievanceId): Part[] {
  return [
    { name: "grievance_id", value: target },
    { name: "file_type", value: fileType },
    { name: "file", value: bytes, filename },
  ];
}

async function post(route: string, parts: Part[], headers: Record<string, string> = bearer()) {
  const { body, contentType } = multipart(parts);
  const response = await fetch(`${app.url}${route}`, {
    method: "POST",
    headers: { ...headers, "content-type": contentType },
    body: new Uint8Array(body),
  });
  return { response, body: (await response.json()) as UploadBody & ErrorBody };
}

async function download(fileId: string, headers: Record<string, string>, query = "") {
  return fetch(`${app.url}/api/v1/files/${fileId}${query}`, { headers });
}

describe("uploads: every allowed type", () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    ["photo.jpg", () => jpeg(), "image", "image/jpeg"],
    ["screen.png", () => png(), "image", "image/png"],
    ["report.pdf", () => pdf(2), "document", "application/pdf"],
    ["voice.wav", () => wav(), "voice", "audio/wav"],
    ["voice.mp3", () => mp3(), "voice", "audio/mpeg"],
    ["voice.ogg", () => oggVorbis(), "voice", "audio/ogg"],
  ];
  for (const route of ["/api/files", "/api/v1/upload"]) {
    it.each(cases)(`${route} stores %s`, async (name, make, fileType, mime) => {
      const bytes = await make();
      const before = await snapshot();
      const { response, body } = await post(route, formFor(bytes, name, fileType));
      expect(response.status).toBe(201);
      expect(body).toMatchObject({
        status: "success",
        file_path: `/api/v1/files/${body.file_id}`,
        file_type: fileType,
        mime_type: mime,
        size_bytes: bytes.length,
        original_name: name,
      });
      expect(await db.attachment.findUniqueOrThrow({ where: { id: body.file_id } })).toMatchObject({
        status: "PENDING",
        grievanceId,
        mimeType: mime,
      });
      expect(await snapshot()).toEqual({
        files: before.files + 1,
        attachments: before.attachments + 1,
        events: before.events + 1,
        jobs: before.jobs + 1,
      });
    });
  }

  it("takes a staff session's upload on a grievance of their ward", async () => {
    const { response, body } = await post(
      "/api/files",
      formFor(await jpeg(), "site.jpg", "image"),
      { cookie: officer },
    );
    expect(response.status).toBe(201);
    expect(
      (await db.attachment.findUniqueOrThrow({ where: { id: body.file_id } })).uploadedByUserId,
    ).toBeTruthy();
  });
});

describe("uploads: refused with the rule that failed, nothing stored", () => {
  async function expectRefused(
    parts: Part[],
    status: number,
    code: string,
    message: RegExp,
    headers: Record<string, string> = bearer(),
  ) {
    const before = await snapshot();
    const { response, body } = await post("/api/v1/upload", parts, headers);
    expect(response.status).toBe(status);
    expect(body).toMatchObject({
      status: "error",
      error: { code, message: expect.stringMatching(message) as unknown },
    });
    expect(await snapshot()).toEqual(before);
  }

  it("an SVG named photo.jpg", async () => {
    await expectRefused(
      formFor(svgNamedJpg(), "photo.jpg", "image"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      /content is application\/xml.*An image must be JPEG or PNG/,
    );
  });

  it("an HTML page named photo.jpg", async () => {
    await expectRefused(
      formFor(htmlPage(), "photo.jpg", "image"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      /not a format we recognise/,
    );
  });

  it("x.jpg.php", async () => {
    await expectRefused(
      formFor(await jpeg(), "x.jpg.php", "image"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      /"\.php" is not accepted as an image; allowed: \.jpg, \.jpeg, \.png/,
    );
  });

  it("a PDF sent with file_type image, and an unknown file_type", async () => {
    await expectRefused(
      formFor(await pdf(1), "scan.jpg", "image"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      /application\/pdf \(a document\)\. An image must be JPEG or PNG/,
    );
    await expectRefused(
      formFor(await jpeg(), "photo.jpg", "video"),
      400,
      "VALIDATION_ERROR",
      /file_type must be one of image, document, voice/,
    );
  });

  it("the path-traversal name ../../x.jpg", async () => {
    await expectRefused(
      formFor(await jpeg(), "../../x.jpg", "image"),
      400,
      "VALIDATION_ERROR",
      /path separators/,
    );
  });

  it("an image over 5 MB, a file before its fields, and no file at all", async () => {
    const head = await jpeg(64, 64);
    await expectRefused(
      formFor(Buffer.concat([head, Buffer.alloc(5 * MB)]), "big.jpg", "image"),
      413,
      "PAYLOAD_TOO_LARGE",
      /larger than 5 MB; an image may be at most 5 MB \(JPEG or PNG\)/,
    );
    await expectRefused(
      [
        { name: "file", value: head, filename: "photo.jpg" },
        { name: "grievance_id", value: grievanceId },
        { name: "file_type", value: "image" },
      ],
      400,
      "VALIDATION_ERROR",
      /lacks grievance_id and file_type before the file/,
    );
    await expectRefused(
      [
        { name: "grievance_id", value: grievanceId },
        { name: "file_type", value: "image" },
      ],
      400,
      "VALIDATION_ERROR",
      /has no file/,
    );
  });

  it("callers without the right to upload", async () => {
    const parts = formFor(await jpeg(), "photo.jpg", "image");
    await expectRefused(parts, 401, "UNAUTHORIZED", /API token with the file:write scope/, {});
    await expectRefused(parts, 403, "FORBIDDEN", /Analysts/, { cookie: analyst });
    const readOnly = await createApiToken(db, { name: "reader", scopes: ["grievance:read"] });
    await expectRefused(
      parts,
      403,
      "FORBIDDEN",
      /lacks the scope file:write/,
      bearer(readOnly.token),
    );
    await expectRefused(parts, 404, "NOT_FOUND", /No grievance has that id/, {
      cookie: otherOfficer,
    });
  });

  it("a 50 MB body that declares its length: refused before it is read", async () => {
    const before = await snapshot();
    const { body, contentType } = multipart(formFor(Buffer.alloc(0), "big.jpg", "image"));
    const result = await streamUpload(`${app.url}/api/v1/upload`, {
      headers: { ...bearer(), "content-type": contentType },
      head: body.subarray(0, body.length - 40),
      tail: body.subarray(body.length - 40),
      fillerBytes: 50 * MB,
      declareLength: true,
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: expect.stringMatching(
          /no file may be larger than 10 MB \(image: JPEG or PNG up to 5 MB/,
        ) as unknown,
      },
    });
    expect(result.sentWhenAnswered).toBeLessThan(result.total / 2);
    expect(await snapshot()).toEqual(before);
  });

  it("a 50 MB image streamed without a length: reading stops at the 5 MB limit", async () => {
    const before = await snapshot();
    const { body, contentType } = multipart(formFor(await jpeg(64, 64), "big.jpg", "image"));
    const cut = body.length - 60;
    const result = await streamUpload(`${app.url}/api/v1/upload`, {
      headers: { ...bearer(), "content-type": contentType },
      head: body.subarray(0, cut),
      tail: body.subarray(cut),
      fillerBytes: 50 * MB,
      declareLength: false,
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: expect.stringMatching(/at most 5 MB/) as unknown,
      },
    });
    // The answer came while the client was still sending: the server stopped reading near the limit.
    expect(result.sentWhenAnswered).toBeLessThan(result.total / 2);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the dashboard's tRPC upload", () => {
  it("stores a file sent as FormData to file.upload, and refuses a 50 MB body before reading it", async () => {
    const form = new FormData();
    form.append("grievanceId", grievanceId);
    form.append("fileType", "document");
    form.append("file", new Blob([new Uint8Array(await pdf(1))]), "minutes.pdf");
    const response = await fetch(`${app.url}/api/trpc/file.upload`, {
      method: "POST",
      headers: { cookie: officer },
      body: form,
    });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as {
      result: { data: { json: { id: string; originalName: string; mimeType: string } } };
    };
    expect(result.data.json).toMatchObject({
      originalName: "minutes.pdf",
      mimeType: "application/pdf",
    });
    expect(await db.attachment.count({ where: { id: result.data.json.id } })).toBe(1);

    const before = await snapshot();
    const { body, contentType } = multipart([
      { name: "grievanceId", value: grievanceId },
      { name: "fileType", value: "image" },
      { name: "file", value: Buffer.alloc(0), filename: "big.jpg" },
    ]);
    const refused = await streamUpload(`${app.url}/api/trpc/file.upload`, {
      headers: { cookie: officer, "content-type": contentType },
      head: body.subarray(0, body.length - 40),
      tail: body.subarray(body.length - 40),
      fillerBytes: 50 * MB,
      declareLength: true,
    });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatch(/no file may be larger than 10 MB/);
    expect(refused.sentWhenAnswered).toBeLessThan(refused.total / 2);
    expect(await snapshot()).toEqual(before);
  });
});

describe("downloads", () => {
  it("serves a document to the chatbot token that uploaded it and to staff of the ward only", async () => {
    const bytes = await pdf(1);
    const { body } = await post("/api/v1/upload", formFor(bytes, "रिपोर्ट report.pdf", "document"));
    const response = await download(body.file_id, bearer());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${"_".repeat("रिपोर्ट".length)} report.pdf"; filename*=UTF-8''${encodeURIComponent("रिपोर्ट report.pdf")}`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    expect((await download(body.file_id, { cookie: officer })).status).toBe(200);
    const other = await createApiToken(db, { name: "other bot", scopes: ["file:write"] });
    const refusals = [
      await download(body.file_id, bearer(other.token)),
      await download(body.file_id, { cookie: otherOfficer }),
      await download(body.file_id, { cookie: analyst }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(((await refusals[1]?.json()) as ErrorBody).error.message).toMatch(
      /outside your jurisdiction/,
    );
    expect((await download(body.file_id, {})).status).toBe(401);
  });

  it("serves a photo only once processed: without any EXIF or GPS, and its thumbnail", async () => {
    const { body } = await post("/api/v1/upload", formFor(await jpegWithGps(), "gps.jpg", "image"));
    const early = await download(body.file_id, bearer());
    expect(early.status).toBe(409);
    expect(((await early.json()) as ErrorBody).error.message).toMatch(/still being processed/);

    // The worker's real handler, over the job the upload queued.
    const storage = new LocalFileStorage(path.join(dataDir, "files"));
    await runOnce({
      connectionString: app.databaseUrl,
      taskList: createFileTasks({ db: () => db, storage: () => storage, transcriber: () => null }),
      concurrency: 1,
      noHandleSignals: true,
      logger: new Logger(() => () => undefined),
    });

    const response = await download(body.file_id, bearer());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    const served = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(served.includes(Buffer.from(GPS_MARKER))).toBe(false);
    // Turned upright from the EXIF orientation: the 400×200 landscape is now 200 wide.
    expect([meta.width, meta.height]).toEqual([200, 400]);

    const thumbnail = await download(body.file_id, bearer(), "?variant=thumbnail");
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-disposition")).toContain('filename="gps-thumbnail.jpg"');
    const thumbMeta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect(thumbMeta.exif).toBeUndefined();
    expect(Math.max(thumbMeta.width, thumbMeta.height)).toBeLessThanOrEqual(320);
  });
});

describe("limits and UploadThing", () => {
  it("tells the chatbot the rules before it uploads", async () => {
    const response = await fetch(`${app.url}/api/v1/upload/limits`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: { file_types: { file_type: string; max_bytes: number; formats: string }[] };
    };
    expect(data.file_types.map((t) => [t.file_type, t.max_bytes, t.formats])).toEqual([
      ["image", 5 * MB, "JPEG or PNG"],
      ["document", 10 * MB, "PDF"],
      ["voice", 10 * MB, "MP3, WAV or Ogg"],
    ]);
  });

  it("has no UploadThing route without UPLOADTHING_TOKEN", async () => {
    const response = await fetch(`${app.url}/api/uploadthing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(
      /UPLOADTHING_TOKEN is unset/,
    );
  });
});
