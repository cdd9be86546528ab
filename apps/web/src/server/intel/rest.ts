import { randomUUID } from "node:crypto";
import { createLogger } from "@sunuwai/api";
import type { Logger } from "@sunuwai/api";
import { canUseSection, hasScopes, viewerFromRequest } from "@sunuwai/auth";
import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators";
import { RestError, restErrorResponse } from "../rest/errors";
import type { RestErrorCode } from "../rest/schemas";

const logger = createLogger({ service: "rest-intel" });
const REQUEST_ID_SHAPE = /^[\w.:-]{1,64}$/;

export interface IntelRestCall {
  db: Db;
  requestId: string;
  logger: Logger;
}

const REST_CODE_FOR: Record<AppError["code"], RestErrorCode> = {
  VALIDATION: "VALIDATION_ERROR",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  INTERNAL: "INTERNAL_ERROR",
};

/**
 * Who may read ward intelligence over REST: an API token with `intel:read` (unless `tokens` is false), or a signed-in
 * analyst or admin (session cookie). 401 without credentials or with an unknown token, 403 for a token lacking the
 * scope or a user whose role is not an analyst's.
 */
async function requireIntelReader(db: Db, req: Request, tokens: boolean): Promise<void> {
  const bearer = req.headers.get("authorization") !== null;
  if (bearer && !tokens)
    throw new RestError("FORBIDDEN", "This route is for signed-in analysts only, not API tokens.");
  const viewer = await viewerFromRequest(db, req);
  if (!viewer) {
    throw new RestError(
      "UNAUTHORIZED",
      bearer
        ? "The API token is unknown, revoked or expired."
        : tokens
          ? "Send an API token as `Authorization: Bearer <token>`, or sign in as an analyst."
          : "Sign in as an analyst.",
    );
  }
  if (viewer.kind === "token") {
    if (!hasScopes(viewer, ["intel:read"]))
      throw new RestError("FORBIDDEN", "This API token lacks the scope intel:read.");
    return;
  }
  if (!canUseSection(viewer.role, "intel"))
    throw new RestError("FORBIDDEN", "Your role does not give access to ward intelligence.");
}

/**
 * Runs an intel REST route: checks the caller, then `run` against the intel services. The services' AppErrors become
 * the REST envelope's errors with their messages; anything unexpected is logged and hidden behind a request id.
 */
export async function asIntelReader(
  req: Request,
  options: { tokens: boolean },
  run: (call: IntelRestCall) => Promise<Response>,
): Promise<Response> {
  const given = req.headers.get("x-request-id");
  const requestId = given && REQUEST_ID_SHAPE.test(given) ? given : randomUUID();
  const log = logger.child({ requestId });
  try {
    const db = getDb();
    await requireIntelReader(db, req, options.tokens);
    return await run({ db, requestId, logger: log });
  } catch (error) {
    const known =
      error instanceof AppError ? new RestError(REST_CODE_FOR[error.code], error.message) : error;
    return restErrorResponse(known, requestId, log);
  }
}
