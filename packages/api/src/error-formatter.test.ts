import { AppError } from "@sunuwai/validators";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { formatError } from "./error-formatter";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    logger: createLogger({}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
  };
}

const internalShape = {
  message: 'relation "Ward" does not exist',
  code: -32603 as const,
  data: {
    code: "INTERNAL_SERVER_ERROR" as const,
    httpStatus: 500,
    path: "ward.list",
    stack: "Error: relation…\n    at x.ts:1",
  },
};

describe("formatError", () => {
  it("hides an unexpected error behind the request id and logs what happened", () => {
    const { lines, logger } = capture();
    const error = new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      cause: new Error('relation "Ward" does not exist'),
    });

    const shape = formatError({
      shape: internalShape,
      error,
      path: "ward.list",
      ctx: { requestId: "req-1", logger },
    });

    expect(shape).toEqual({
      message: "Internal server error (request req-1).",
      code: -32603,
      data: {
        code: "INTERNAL_SERVER_ERROR",
        httpStatus: 500,
        path: "ward.list",
        requestId: "req-1",
      },
    });
    expect(lines).toMatchObject([{ level: "error", path: "ward.list", error: { name: "Error" } }]);
  });

  it("keeps the message of an AppError and of an expected tRPC error, without a stack", () => {
    const { lines, logger } = capture();
    const appError = new TRPCError({
      code: "CONFLICT",
      message: "Already assigned.",
      cause: new AppError("CONFLICT", "Already assigned."),
    });
    const shape = formatError({
      shape: {
        message: "Already assigned.",
        code: -32009,
        data: { code: "CONFLICT", httpStatus: 409, path: "x" },
      },
      error: appError,
      path: "x",
      ctx: { requestId: "req-2", logger },
    });
    expect(shape.message).toBe("Already assigned.");
    expect(JSON.stringify(shape)).not.toContain("stack");
    expect(lines).toEqual([]);
  });
});
