import { Readable } from "node:stream";
import { getDb } from "@sunuwai/db";
import { getFileStorage, openAttachment } from "@sunuwai/helpdesk/files";
import { AppError } from "@sunuwai/validators/errors";
import { fileViewerFromRequest } from "./callers";
import { filesErrorResponse, requestIdOf } from "./responses";

const VARIANTS = ["original", "thumbnail"] as const;

/** `attachment` with an ASCII fallback name and the exact (already cleaned) name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function thumbnailName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}-thumbnail.jpg`;
}

function variantOf(request: Request): (typeof VARIANTS)[number] {
  const variant = new URL(request.url).searchParams.get("variant") ?? "original";
  if ((VARIANTS as readonly string[]).includes(variant))
    return variant as (typeof VARIANTS)[number];
  throw new AppError("VALIDATION", `variant must be one of ${VARIANTS.join(", ")}.`);
}

/**
 * `GET /api/v1/files/{id}`: streams the stored file (its processed version once there is one) as a download,
 * never rendered inline, with the type sniffed at upload and no room for the browser to guess another.
 */
export async function handleDownloadRequest(request: Request, fileId: string): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const db = getDb();
    const viewer = await fileViewerFromRequest(db, request);
    const variant = variantOf(request);
    const thumbnail = variant === "thumbnail";
    const file = await openAttachment(db, getFileStorage(), viewer, fileId, { thumbnail });
    const body = Readable.toWeb(file.stream) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": attachmentDisposition(
          thumbnail ? thumbnailName(file.fileName) : file.fileName,
        ),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, no-store",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return filesErrorResponse(error, requestId);
  }
}
