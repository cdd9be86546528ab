import { describeError } from "@sunuwai/api";
import type { Logger } from "@sunuwai/api";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { restFailure } from "./envelope";
import type { RestErrorCode } from "./schemas";

/** A refusal decided before any procedure runs (bad body, missing token). */
export class RestError extends Error {
  constructor(
    readonly code: RestErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The failing fields of a zod error as `{ "complainant.phone": "…" }`, first message per field. */
export function fieldsOf(error: z.ZodError, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    fields[path] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError, prefix?: string): RestError {
  const fields = fieldsOf(error, prefix);
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  return new RestError("VALIDATION_ERROR", `Invalid request: ${summary}`, fields);
}

const REST_CODE_FOR: Partial<Record<TRPCError["code"], RestErrorCode>> = {
  BAD_REQUEST: "VALIDATION_ERROR",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

/**
 * The REST answer for anything a route threw. Expected failures (the services' AppErrors as the procedures map
 * them, auth, validation) keep their message; anything else is logged without personal data and hidden.
 */
export function restErrorResponse(error: unknown, requestId: string, logger: Logger): Response {
  if (error instanceof RestError)
    return restFailure(error.code, error.message, requestId, error.fields);
  const code = error instanceof TRPCError ? REST_CODE_FOR[error.code] : undefined;
  if (error instanceof TRPCError && code) return restFailure(code, error.message, requestId);
  logger.error("Unexpected error in a REST route", { error: describeError(error) });
  return restFailure("INTERNAL_ERROR", `Internal server error (request ${requestId}).`, requestId);
}
