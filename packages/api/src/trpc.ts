import { viewerFromRequest } from "@sunuwai/auth";
import { ADMIN_ROLES, ANALYST_ROLES, STAFF_ROLES, SUPERVISOR_ROLES } from "@sunuwai/auth";
import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { AppError, type ApiTokenScope, type Role } from "@sunuwai/validators";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { formatError } from "./error-formatter";
import { logger as defaultLogger } from "./logger";
import type { Logger } from "./logger";
import { requestIdFor } from "./request-scope";
import type { LiveEventHub } from "./subscriptions/hub";

export { AppError };

export interface CreateContextOptions {
  req: Request;
  /** Defaults to the process-wide client for DATABASE_URL. */
  db?: Db;
  requestId?: string;
  logger?: Logger;
  /** Feeds live-update subscriptions; without one they are refused. */
  liveEvents?: LiveEventHub;
}

/** Per-request context: who is calling (session cookie or API token, checked against the database), db, logging. */
export async function createTRPCContext(opts: CreateContextOptions) {
  const db = opts.db ?? getDb();
  const requestId = opts.requestId ?? requestIdFor(opts.req);
  const logger = opts.logger ?? defaultLogger.child({ requestId });
  const viewer = await viewerFromRequest(db, opts.req);
  return { db, viewer, requestId, logger, liveEvents: opts.liveEvents ?? null };
}

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

/** Procedure metadata; chatbot procedures must list the token scopes they need. */
export interface ProcedureMeta {
  scopes?: readonly ApiTokenScope[];
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter: formatError,
    isDev: false,
    sse: {
      // Pings keep idle streams open through proxies; a client that hears nothing for longer reconnects.
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 40_000 },
      // Streams end after this long and the client reconnects (resuming from its last event id), so a revoked
      // token, a disabled user or a changed jurisdiction takes effect on long-lived subscriptions too.
      maxDurationMs: 15 * 60_000,
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const TRPC_CODE_FOR: Record<AppError["code"], TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  VALIDATION: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** Services throw AppError; this gives it the matching tRPC code (and so HTTP status) with its message intact. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE_FOR[cause.code], message: cause.message, cause });
  }
  return result;
});

const SIGN_IN_FIRST = "Sign in to continue.";
const NOT_YOUR_ROLE = "Your role does not give access to this.";

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const viewer = ctx.viewer;
  if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN_FIRST });
  return next({ ctx: { viewer } });
});

function userWithRole(roles: readonly Role[]) {
  return publicProcedure.use(({ ctx, next }) => {
    const viewer = ctx.viewer;
    if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN_FIRST });
    if (viewer.kind !== "user" || !roles.includes(viewer.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: NOT_YOUR_ROLE });
    }
    return next({ ctx: { viewer } });
  });
}

/** Helpdesk staff: officers, supervisors, admins. */
export const staffProcedure = userWithRole(STAFF_ROLES);
export const supervisorProcedure = userWithRole(SUPERVISOR_ROLES);
export const analystProcedure = userWithRole(ANALYST_ROLES);
export const adminProcedure = userWithRole(ADMIN_ROLES);

/**
 * API tokens only. Declare the scopes with `.meta({ scopes: [...] })`; a chatbot procedure that declares none
 * refuses every call, so a forgotten declaration fails closed.
 */
export const chatbotProcedure = publicProcedure.use(({ ctx, meta, next }) => {
  const viewer = ctx.viewer;
  if (!viewer) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Send an API token as `Authorization: Bearer <token>`.",
    });
  }
  if (viewer.kind !== "token") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This procedure is only for API tokens." });
  }
  const required = meta?.scopes ?? [];
  if (required.length === 0) {
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "Chatbot procedure declares no scopes.",
    });
  }
  const missing = required.filter((scope) => !viewer.scopes.includes(scope));
  if (missing.length > 0) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `This API token lacks the scope ${missing.join(", ")}.`,
    });
  }
  return next({ ctx: { viewer } });
});
