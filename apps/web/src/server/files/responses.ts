import { randomUUID } from "node:crypto";
import { createLogger } from "@sunuwai/api";
import { AppError } from "@sunuwai/validators/errors";
import type { AppErrorCode } from "@sunuwai/validators/errors";

const logger = createLogger({ service: "files" });

const HTTP_STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const NO_STORE = { "cache-control": "no-store" } as const;

/** `{ status: "success", ...body }`, the shape the original Flask service answered with. */
export function successResponse(body: Record<string, unknown>, status = 200): Response {
  return Response.json({ status: "success", ...body }, { status, headers: NO_STORE });
}

/**
 * `{ status: "error", error: { code, message } }` with the matching HTTP status. An AppError's message is meant
 * for the caller and is kept; anything else is logged with a request id and answered without details.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = { ...NO_STORE };
    if (error.code === "UNAUTHORIZED") headers["www-authenticate"] = 'Bearer realm="sunuwai"';
    return Response.json(
      { status: "error", error: { code: error.code, message: error.message } },
      { status: HTTP_STATUS[error.code], headers },
    );
  }
  const requestId = randomUUID();
  logger.error("Unexpected error in a files route", {
    requestId,
    error: error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
  });
  return Response.json(
    {
      status: "error",
      error: { code: "INTERNAL", message: `Internal server error (request ${requestId}).` },
    },
    { status: 500, headers: { ...NO_STORE, "x-request-id": requestId } },
  );
}
