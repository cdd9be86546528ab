import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "./logger";

export type RequestScope = { requestId: string; logger: Logger };

/**
 * The request id and logger of the HTTP request being handled, for the error formatter when the tRPC context
 * could not be built (for example the database was down while reading the session).
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

const REQUEST_ID_SHAPE = /^[\w.:-]{1,64}$/;

/** A proxy's X-Request-Id when it looks sane, else a fresh one, so logs can be joined across hops. */
export function requestIdFor(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && REQUEST_ID_SHAPE.test(given) ? given : randomUUID();
}
