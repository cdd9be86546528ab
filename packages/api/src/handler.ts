import type { Db } from "@sunuwai/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "./limits";
import { logger as defaultLogger } from "./logger";
import type { Logger } from "./logger";
import { requestIdFor, requestScope } from "./request-scope";
import { appRouter } from "./root";
import { limitUploadBody } from "./router/file/body-limit";
import type { LiveEventHub } from "./subscriptions/hub";
import { createTRPCContext } from "./trpc";

export const TRPC_ENDPOINT = "/api/trpc";

export interface HandleTrpcRequestOptions {
  /** Defaults to the process-wide client for DATABASE_URL. */
  db?: Db;
  logger?: Logger;
  /** Feeds live-update subscriptions (SSE); the web app passes its process-wide hub. */
  liveEvents?: LiveEventHub;
}

/**
 * Answers a tRPC HTTP request at /api/trpc. Batches larger than MAX_BATCH_SIZE are refused with 400 before any
 * procedure runs (tRPC's own `maxBatchSize`). Every response carries `X-Request-Id`.
 */
export function handleTrpcRequest(
  request: Request,
  opts: HandleTrpcRequestOptions = {},
): Promise<Response> {
  const req = limitUploadBody(request);
  const requestId = requestIdFor(req);
  const logger = (opts.logger ?? defaultLogger).child({ requestId });
  return requestScope.run({ requestId, logger }, () =>
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: () =>
        createTRPCContext({ req, db: opts.db, requestId, logger, liveEvents: opts.liveEvents }),
      // no-transform: a compressing proxy (or Next's own gzip) would otherwise hold back streamed responses.
      responseMeta: () => ({
        headers: { "x-request-id": requestId, "cache-control": "no-store, no-transform" },
      }),
    }),
  );
}

/** A `(req) => Response` for route files: `export const GET = handler, POST = handler`. */
export function createApiFetchHandler(
  opts: HandleTrpcRequestOptions = {},
): (req: Request) => Promise<Response> {
  return (req) => handleTrpcRequest(req, opts);
}
