import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { NextRequest } from "next/server";
import { createRouteHandler, createUploadthing } from "uploadthing/next";
import type { FileRouter } from "uploadthing/next";
import { UploadThingError } from "uploadthing/server";
import type { UTApi } from "uploadthing/server";
import { z } from "zod";
import { getDb } from "@sunuwai/db";
import {
  acceptUpload,
  checkUploadTarget,
  createUtApi,
  getFileStorage,
  UPLOAD_FILE_TYPES,
  UPLOAD_RULES,
} from "@sunuwai/helpdesk/files";
import type { Uploader, UploadFileType, UploadThingConfig } from "@sunuwai/helpdesk/files";
import { AppError } from "@sunuwai/validators/errors";
import type { AppErrorCode } from "@sunuwai/validators/errors";
import { uploaderFromRequest } from "./callers";
import { downloadPath } from "./upload";

type UploadThingCode = ConstructorParameters<typeof UploadThingError>[0] extends infer O
  ? O extends { code: infer C }
    ? C
    : never
  : never;

const UPLOADTHING_CODE: Record<AppErrorCode, UploadThingCode> = {
  VALIDATION: "BAD_REQUEST",
  UNAUTHORIZED: "FORBIDDEN",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "BAD_REQUEST",
  RATE_LIMITED: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "BAD_REQUEST",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** Keeps a service's message for the dashboard; other errors stay UploadThing's generic failure. */
function asUploadThingError(error: unknown): unknown {
  return error instanceof AppError
    ? new UploadThingError({ code: UPLOADTHING_CODE[error.code], message: error.message })
    : error;
}

const MB = 1024 * 1024;

/**
 * UploadThing's per-type limits from our rules. Its `FileSize` type lists only powers of two, but it parses any
 * whole number of a unit, so "5MB" is exactly our 5 × 1024 × 1024 bytes.
 */
export function uploadThingRouteConfig(fileType: UploadFileType) {
  const rule = UPLOAD_RULES[fileType];
  const maxFileSize = (
    rule.maxBytes % MB === 0 ? `${rule.maxBytes / MB}MB` : `${rule.maxBytes}B`
  ) as "1MB";
  // Codec parameters ("audio/ogg; codecs=opus") are not MIME types UploadThing knows; the base type covers them.
  const mimeTypes = rule.mimeTypes.filter((mime) => !mime.includes(";"));
  return Object.fromEntries(
    mimeTypes.map((mime) => [
      mime,
      // The browser's copy is only read back by the server; it is never shown inline.
      { maxFileSize, maxFileCount: 1, minFileCount: 1, contentDisposition: "attachment" as const },
    ]),
  );
}

const targetInput = z.object({ grievanceId: z.uuid() });

/** Staff only: chatbots post to /api/v1/upload. The grievance is checked before the browser sends a byte. */
async function staffUploader(
  request: Request,
  grievanceId: string,
  fileType: UploadFileType,
): Promise<Extract<Uploader, { kind: "user" }>> {
  const db = getDb();
  const uploader = await uploaderFromRequest(db, request);
  if (uploader.kind !== "user")
    throw new AppError(
      "FORBIDDEN",
      "UploadThing uploads are for the dashboard; chatbots post to /api/v1/upload.",
    );
  await checkUploadTarget(db, { fileType, grievanceId, uploader });
  return uploader;
}

/** What the dashboard gets back from an UploadThing upload: the stored file, or the rule it broke. */
export type UploadThingServerData =
  | { fileId: string; filePath: string; fileType: UploadFileType; originalName: string }
  | { refused: string };

/**
 * The browser sent the file to UploadThing; our checks still decide. The file is read back through the same
 * service as every other upload (size while streaming, type by magic bytes, stored under a random key, the
 * Attachment row, FILE_ADDED event and `file.process` job), and the browser's copy is deleted either way. A
 * refusal goes back to the dashboard as data, in the service's words (which rule failed and what is allowed).
 */
async function recordUploadedFile(
  metadata: { uploader: Extract<Uploader, { kind: "user" }>; grievanceId: string },
  file: { key: string; name: string; ufsUrl: string },
  fileType: UploadFileType,
  api: UTApi,
): Promise<UploadThingServerData> {
  try {
    const response = await fetch(file.ufsUrl);
    if (!response.ok || !response.body)
      throw new Error(`UploadThing answered ${response.status} for the uploaded file`);
    const accepted = await acceptUpload(
      getDb(),
      {
        stream: Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>),
        declaredName: file.name,
        fileType,
        grievanceId: metadata.grievanceId,
        uploader: metadata.uploader,
      },
      getFileStorage(),
    );
    return {
      fileId: accepted.id,
      filePath: downloadPath(accepted.id),
      fileType,
      originalName: accepted.originalName,
    };
  } catch (error) {
    if (error instanceof AppError) return { refused: error.message };
    throw error;
  } finally {
    await api.deleteFiles(file.key);
  }
}

/** One route per file_type (`image`, `document`, `voice`), each with that type's limits. */
export function createFileRouter(config: UploadThingConfig) {
  const f = createUploadthing();
  const api = createUtApi(config);
  const route = (fileType: UploadFileType) =>
    f(uploadThingRouteConfig(fileType), { awaitServerData: true })
      .input(targetInput)
      .middleware(async ({ req, input }) => {
        const uploader = await staffUploader(req, input.grievanceId, fileType).catch(
          (error: unknown) => {
            throw asUploadThingError(error);
          },
        );
        return { uploader, grievanceId: input.grievanceId };
      })
      .onUploadComplete(({ metadata, file }) => recordUploadedFile(metadata, file, fileType, api));
  return Object.fromEntries(
    UPLOAD_FILE_TYPES.map((fileType) => [fileType, route(fileType)]),
  ) satisfies FileRouter;
}

export type SunuwaiFileRouter = ReturnType<typeof createFileRouter>;

export interface UploadThingHandlers {
  GET(request: NextRequest): Promise<Response>;
  POST(request: NextRequest): Promise<Response>;
}

/** The /api/uploadthing handlers when a token is configured; null without one (the route then answers 404). */
export function createUploadThingHandlers(
  config: UploadThingConfig | null,
): UploadThingHandlers | null {
  if (!config) return null;
  return createRouteHandler({
    router: createFileRouter(config),
    config: {
      token: config.token,
      logLevel: "Error",
      ...(config.ingestUrl ? { ingestUrl: config.ingestUrl } : {}),
    },
  });
}
