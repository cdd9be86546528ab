import { randomUUID } from "node:crypto";
import { appRouter, createCaller, createLogger, createTRPCContext } from "@sunuwai/api";
import type { Logger } from "@sunuwai/api";
import { hasScopes } from "@sunuwai/auth";
import type { ApiTokenScope } from "@sunuwai/validators";
import { RestError, restErrorResponse } from "./errors";

const logger = createLogger({ service: "rest" });
const REQUEST_ID_SHAPE = /^[\w.:-]{1,64}$/;

type Caller = ReturnType<typeof createCaller>;

export interface RestCall {
  caller: Caller;
  requestId: string;
  logger: Logger;
}

/** The scopes a procedure declares (`.meta({ scopes })`), so a REST route asks for exactly what it calls. */
function scopesOf(path: string): readonly ApiTokenScope[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: { scopes?: readonly ApiTokenScope[] } } } | undefined
  >;
  const scopes = procedures[path]?._def.meta?.scopes;
  if (!scopes?.length) throw new Error(`REST route calls ${path}, which declares no token scopes`);
  return scopes;
}

/**
 * Runs a REST route for a chatbot: bearer API token (401 when missing or invalid), the token scopes of the
 * procedures the route calls (403) — both before the body is looked at — then `run` with a server-side tRPC
 * caller, so the route goes through the same procedures, validation and services as tRPC clients.
 */
export async function asChatbot(
  req: Request,
  procedures: readonly string[],
  run: (call: RestCall) => Promise<Response>,
): Promise<Response> {
  const given = req.headers.get("x-request-id");
  const requestId = given && REQUEST_ID_SHAPE.test(given) ? given : randomUUID();
  const log = logger.child({ requestId });
  try {
    if (!/^Bearer\s+\S+\s*$/i.test(req.headers.get("authorization") ?? "")) {
      throw new RestError("UNAUTHORIZED", "Send an API token as `Authorization: Bearer <token>`.");
    }
    const ctx = await createTRPCContext({ req, requestId, logger: log });
    const viewer = ctx.viewer;
    if (viewer?.kind !== "token") {
      throw new RestError("UNAUTHORIZED", "The API token is unknown, revoked or expired.");
    }
    const required = [...new Set(procedures.flatMap(scopesOf))];
    if (!hasScopes(viewer, required)) {
      const missing = required.filter((scope) => !viewer.scopes.includes(scope));
      throw new RestError("FORBIDDEN", `This API token lacks the scope ${missing.join(", ")}.`);
    }
    return await run({ caller: createCaller(ctx), requestId, logger: log });
  } catch (error) {
    return restErrorResponse(error, requestId, log);
  }
}
