import { randomUUID } from "node:crypto";
import { createLogger } from "@sunuwai/api";
import { AppError } from "@sunuwai/validators/errors";
import type { AppErrorCode } from "@sunuwai/validators/errors";
import { restFailure } from "../rest/envelope";
import { restErrorResponse } from "../rest/errors";
import type { RestErrorCode } from "../rest/schemas";

const logger = createLogger({ service: "files" });
const REQUEST_ID_SHAPE = /^[\w.:-]{1,64}$/;

/** A proxy's X-Request-Id when it looks sane, else a fresh one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID_SHAPE.test(given) ? given : randomUUID();
}

const REST_CODE_FOR: Record<AppErrorCode, RestErrorCode> = {
  VALIDATION: "VALIDATION_ERROR",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "RATE_LIMITED",
  INTERNAL: "INTERNAL_ERROR",
};

/** `{ status: "success", ...fields }`: the flat shape the original Flask upload service answered with. */
export function flatSuccess(fields: Record<string, unknown>, requestId: string, status = 200) {
  return Response.json(
    { status: "success", ...fields },
    { status, headers: { "cache-control": "no-store", "x-request-id": requestId } },
  );
}

/**
 * The REST API's error envelope (`{ status: "error", error: { code, message } }`) for what a files route threw:
 * a service's AppError keeps its message (it says which rule failed and what is allowed); anything else is
 * logged and hidden behind the request id.
 */
export function filesErrorResponse(error: unknown, requestId: string): Response {
  if (!(error instanceof AppError))
    return restErrorResponse(error, requestId, logger.child({ requestId }));
  const response = restFailure(REST_CODE_FOR[error.code], error.message, requestId);
  if (error.code === "UNAUTHORIZED")
    response.headers.set("www-authenticate", 'Bearer realm="sunuwai"');
  return response;
}
