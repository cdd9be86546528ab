import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { sessionCookieFor } from "@sunuwai/auth/testing";
import { jpeg, pdf } from "@sunuwai/helpdesk/files/samples";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  isNonJsonSerializable,
  splitLink,
} from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  asChatbot,
  failure,
  grievanceInput,
  startHelpdeskApi,
} from "../../../test/grievance-harness";
import type { HelpdeskApi } from "../../../test/grievance-harness";
import type { AppRouter } from "../../root";

// Files go to a throw-away DATA_DIR, set before any module reads the environment (hoisted above the imports).
const dataDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/sunuwai-api-files-${process.pid}-${Date.now()}`;
  process.env.DATA_DIR = dir;
  return dir;
});

let api: HelpdeskApi;
let grievanceId: string;

beforeAll(async () => {
  api = await startHelpdeskApi();
  const created = await asChatbot(
    api.origin,
    api.cast.tokens.chatbot.secret,
  ).grievance.create.mutate(grievanceInput());
  grievanceId = created.id;
});

afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The dashboard's client: FormData goes over `httpLink` (it cannot be batched), the rest batched. */
async function dashboardClient(userId: string) {
  const url = `${api.origin}/api/trpc`;
  const headers = { cookie: await sessionCookieFor(userId) };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({ url, transformer: superjson, headers }),
        false: httpBatchLink({ url, transformer: superjson, headers }),
      }),
    ],
  });
}

function form(fields: Record<string, string>, file?: { bytes: Buffer; name: string }) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (file) data.append("file", new Blob([file.bytes]), file.name);
  return data;
}

function storedFiles(): string[] {
  const root = path.join(dataDir, "files");
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe("file.upload (tRPC FormData)", () => {
  it("stores a photo from an officer of the ward, with its Attachment row and processing job", async () => {
    const officer = await dashboardClient(api.cast.users.officerA.id);
    const bytes = await jpeg();
    const uploaded = await officer.file.upload.mutate(
      form({ grievanceId, fileType: "image" }, { bytes, name: "site photo.jpg" }),
    );
    expect(uploaded).toMatchObject({
      grievanceId,
      fileType: "image",
      mimeType: "image/jpeg",
      sizeBytes: bytes.length,
      originalName: "site photo.jpg",
      downloadUrl: `/api/v1/files/${uploaded.id}`,
    });
    expect(await api.db.attachment.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject(
      { status: "PENDING", uploadedByUserId: api.cast.users.officerA.id },
    );
    expect(storedFiles()).toHaveLength(1);
  });

  it("refuses a PDF sent as an image, an officer of another ward and an analyst, storing nothing", async () => {
    const before = { files: storedFiles().length, rows: await api.db.attachment.count() };
    const officer = await dashboardClient(api.cast.users.officerA.id);
    expect(
      await failure(
        officer.file.upload.mutate(
          form({ grievanceId, fileType: "image" }, { bytes: await pdf(1), name: "scan.jpg" }),
        ),
      ),
    ).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      httpStatus: 415,
      message: expect.stringMatching(/application\/pdf.*An image must be JPEG or PNG/) as unknown,
    });
    const elsewhere = await dashboardClient(api.cast.users.officerC.id);
    expect(
      await failure(
        elsewhere.file.upload.mutate(
          form({ grievanceId, fileType: "image" }, { bytes: await jpeg(), name: "a.jpg" }),
        ),
      ),
    ).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    const analyst = await dashboardClient(api.cast.users.analyst.id);
    expect(
      await failure(
        analyst.file.upload.mutate(
          form({ grievanceId, fileType: "image" }, { bytes: await jpeg(), name: "a.jpg" }),
        ),
      ),
    ).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    const missingFile = await failure(
      officer.file.upload.mutate(form({ grievanceId, fileType: "image" })),
    );
    expect(missingFile).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/field named file/) as unknown,
    });
    expect({ files: storedFiles().length, rows: await api.db.attachment.count() }).toEqual(before);
  });

  it("refuses a body past the largest upload, declared or streamed, with the rules", async () => {
    const cookie = await sessionCookieFor(api.cast.users.officerA.id);
    const headers = { cookie, "content-type": "multipart/form-data; boundary=x" };
    const chunk = new Uint8Array(1024 * 1024);
    const bodies: [string, RequestInit][] = [
      ["declared", { body: new Uint8Array(11 * 1024 * 1024) }],
      [
        "streamed without a length",
        {
          body: new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < 12; i += 1) controller.enqueue(chunk);
              controller.close();
            },
          }),
          duplex: "half",
        },
      ],
    ];
    for (const [, init] of bodies) {
      const response = await fetch(`${api.origin}/api/trpc/file.upload`, {
        method: "POST",
        headers,
        ...init,
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { error: { json: { message: string } } };
      expect(body.error.json.message).toMatch(
        /no file may be larger than 10 MB \(image: JPEG or PNG up to 5 MB; document: PDF up to 10 MB; voice: MP3, WAV or Ogg up to 10 MB\)/,
      );
    }
  });
});

describe("file.limits", () => {
  it("tells staff what each file_type accepts", async () => {
    const client = await dashboardClient(api.cast.users.officerB.id);
    const limits = await client.file.limits.query();
    expect(limits.fileTypes.map((rule) => [rule.fileType, rule.maxSize, rule.formats])).toEqual([
      ["image", "5 MB", "JPEG or PNG"],
      ["document", "10 MB", "PDF"],
      ["voice", "10 MB", "MP3, WAV or Ogg"],
    ]);
    // Without UPLOADTHING_TOKEN the dashboard posts to /api/files.
    expect(limits.uploadThing).toBe(false);
  });
});
