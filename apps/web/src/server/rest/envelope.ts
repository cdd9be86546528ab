import type { RestErrorBody, RestErrorCode } from "./schemas";

function headers(requestId: string): HeadersInit {
  return { "cache-control": "no-store", "x-request-id": requestId };
}

/** `{ "status": "success", "data": … }` */
export function restSuccess(data: unknown, requestId: string, status = 200): Response {
  return Response.json({ status: "success", data }, { status, headers: headers(requestId) });
}

export const HTTP_STATUS_FOR: Record<RestErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
};

/** `{ "status": "error", "error": { "code", "message", "fields"? } }` with the code's HTTP status. */
export function restFailure(
  code: RestErrorCode,
  message: string,
  requestId: string,
  fields?: Record<string, string>,
): Response {
  const error: RestErrorBody = { code, message, ...(fields ? { fields } : {}) };
  return Response.json(
    { status: "error", error },
    { status: HTTP_STATUS_FOR[code], headers: headers(requestId) },
  );
}
