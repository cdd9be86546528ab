import { AppError } from "@sunuwai/validators";
import type { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODE_NUMBER } from "@trpc/server/rpc";
import { z } from "zod";
import { describeError } from "./error-details";
import { MAX_BATCH_SIZE } from "./limits";
import { logger as defaultLogger } from "./logger";
import type { Logger } from "./logger";
import { requestScope } from "./request-scope";

export interface ErrorShape {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: {
    code: TRPC_ERROR_CODE_KEY;
    httpStatus: number;
    path?: string;
    requestId?: string;
    /** Field errors of an invalid input, for forms. */
    fieldErrors?: Record<string, string[] | undefined>;
  };
}

interface FormatterInput {
  shape: {
    message: string;
    code: TRPC_ERROR_CODE_NUMBER;
    data: { code: TRPC_ERROR_CODE_KEY; httpStatus: number; path?: string };
  };
  error: TRPCError;
  path: string | undefined;
  ctx: { requestId: string; logger: Logger } | undefined;
}

// tRPC's own wording for a refused batch; we restate it with the limit.
const TRPC_BATCH_TOO_LARGE = "Batch call exceeds maximum size";

/** Expected failures (AppError, auth, bad input) keep their message; anything else is logged here and hidden. */
function isUnexpected(error: TRPCError): boolean {
  return error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof AppError);
}

/** The one error formatter: no stack traces ever, no SQL or driver messages, a request id to quote to support. */
export function formatError({ shape, error, path, ctx }: FormatterInput): ErrorShape {
  const scope = ctx ?? requestScope.getStore();
  const requestId = scope?.requestId;
  const data: ErrorShape["data"] = { code: shape.data.code, httpStatus: shape.data.httpStatus };
  if (shape.data.path !== undefined) data.path = shape.data.path;
  if (requestId !== undefined) data.requestId = requestId;

  if (isUnexpected(error)) {
    (scope?.logger ?? defaultLogger).error("Unexpected error in tRPC procedure", {
      path,
      error: describeError(error.cause ?? error),
    });
    const message = requestId
      ? `Internal server error (request ${requestId}).`
      : "Internal server error.";
    return { message, code: shape.code, data };
  }
  if (error.message === TRPC_BATCH_TOO_LARGE) {
    return {
      message: `Too many calls in one batch: at most ${MAX_BATCH_SIZE} are allowed.`,
      code: shape.code,
      data,
    };
  }
  if (error.code === "BAD_REQUEST" && error.cause instanceof z.ZodError) {
    const message = error.cause.issues
      .map((issue) =>
        issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
      )
      .join("; ");
    return {
      message,
      code: shape.code,
      data: { ...data, fieldErrors: z.flattenError(error.cause).fieldErrors },
    };
  }
  return { message: shape.message, code: shape.code, data };
}
