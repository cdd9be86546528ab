// The helpdesk API as the tests meet it: a fresh database with two wards and a staff cast, the real tRPC handler
// behind a real HTTP server with its live-events hub, clients that speak HTTP and SSE, and the worker's handlers.
import { createApiToken } from "@sunuwai/auth";
import { createTestUser, createTestWard, sessionCookieFor } from "@sunuwai/auth/testing";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import { DEFAULT_CATEGORIES, createAiServices, createGrievanceAiTasks } from "@sunuwai/helpdesk/ai";
import type { CreateGrievanceInput, LiveUpdate } from "@sunuwai/validators";
import {
  TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
} from "@trpc/client";
import { EventSource } from "eventsource";
import { Logger, runOnce } from "graphile-worker";
import superjson from "superjson";
import { createApiFetchHandler } from "../src/handler";
import { createLogger } from "../src/logger";
import type { AppRouter } from "../src/root";
import { createLiveEventHub } from "../src/subscriptions/hub";
import type { LiveEventHub } from "../src/subscriptions/hub";
import { serveFetchHandler } from "../src/testing/serve";

export const quietLogger = createLogger({}, () => undefined);

export async function seedHelpdeskCast(db: Db) {
  const kmc01 = await createTestWard(db, { code: "KMC-01", name: "Kathmandu Ward 1" });
  const kmc02 = await createTestWard(db, { code: "KMC-02", name: "Kathmandu Ward 2" });
  // Created in this order: routing breaks ties by the earliest account, so officerA gets KMC-01's first case.
  const users = {
    officerA: await createTestUser(db, {
      role: "OFFICER",
      name: "Asha Officer",
      wardIds: [kmc01.id],
    }),
    officerB: await createTestUser(db, {
      role: "OFFICER",
      name: "Bikash Officer",
      wardIds: [kmc01.id],
    }),
    officerC: await createTestUser(db, {
      role: "OFFICER",
      name: "Chandra Officer",
      wardIds: [kmc02.id],
    }),
    supervisor: await createTestUser(db, { role: "SUPERVISOR", name: "Sunita Supervisor" }),
    admin: await createTestUser(db, { role: "ADMIN", name: "Anil Admin" }),
    analyst: await createTestUser(db, { role: "ANALYST", name: "Ana Analyst" }),
  };
  const token = async (name: string, scopes: ("grievance:write" | "grievance:read")[]) => {
    const created = await createApiToken(db, { name, scopes });
    return { id: created.record.id, secret: created.token };
  };
  const tokens = {
    chatbot: await token("chatbot", ["grievance:write", "grievance:read"]),
    otherBot: await token("other chatbot", ["grievance:write", "grievance:read"]),
    writeOnly: await token("filer", ["grievance:write"]),
  };
  return { wards: { kmc01, kmc02 }, users, tokens };
}

export type HelpdeskCast = Awaited<ReturnType<typeof seedHelpdeskCast>>;

export async function startHelpdeskApi() {
  const testDb = await createTestDatabase({ max: 10 });
  const cast = await seedHelpdeskCast(testDb.db);
  const hub = createLiveEventHub({
    connectionString: testDb.url,
    logger: quietLogger,
    retryDelayMs: 50,
  });
  const server = await serveFetchHandler(
    createApiFetchHandler({ db: testDb.db, logger: quietLogger, liveEvents: hub }),
  );
  return {
    db: testDb.db,
    url: testDb.url,
    origin: server.origin,
    cast,
    hub,
    async close() {
      await server.close();
      await hub.close();
      await testDb.drop();
    },
  };
}

export type HelpdeskApi = Awaited<ReturnType<typeof startHelpdeskApi>>;

export interface ClientOptions {
  /** Stands in for the network under the SSE connection (to cut it and hold reconnects back). */
  sseFetch?: typeof fetch;
}

/** A tRPC client as an app would build one: batched HTTP for calls, SSE (`httpSubscriptionLink`) for subscriptions. */
export function helpdeskClient(
  origin: string,
  headers: Record<string, string> = {},
  options: ClientOptions = {},
) {
  const url = `${origin}/api/trpc`;
  const sseFetch = options.sseFetch ?? fetch;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              sseFetch(input, { ...init, headers: { ...init.headers, ...headers } }),
          },
        }),
        false: httpBatchLink({ url, transformer: superjson, headers: () => headers }),
      }),
    ],
  });
}

export type HelpdeskClient = ReturnType<typeof helpdeskClient>;

export async function asStaff(origin: string, userId: string, options?: ClientOptions) {
  return helpdeskClient(origin, { cookie: await sessionCookieFor(userId) }, options);
}

export function asChatbot(origin: string, token: string, options?: ClientOptions) {
  return helpdeskClient(origin, { authorization: `Bearer ${token}` }, options);
}

/** The tRPC error a call ended with, as the client sees it. */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const { data, message } = error as TRPCClientError<AppRouter>;
      return { code: data?.code, httpStatus: data?.httpStatus, message };
    }
    throw error;
  }
  throw new Error("expected the call to fail");
}

let phoneCounter = 0;
/** A distinct valid Nepali mobile number per call. */
export function nextPhone(): string {
  phoneCounter += 1;
  return `9841${String(100_000 + ((process.pid * 37 + phoneCounter) % 900_000)).padStart(6, "0")}`;
}

export function grievanceInput(over: Partial<CreateGrievanceInput> = {}): CreateGrievanceInput {
  return {
    complainant: {
      fullName: "Sita Kumari Shrestha",
      phone: nextPhone(),
      email: "sita.shrestha@example.com",
      address: "Tole 4, Baneshwor",
      ward: "KMC-01",
    },
    description:
      "The drinking water supply in our tole has been cut for two weeks and the tanker never comes.",
    language: "en",
    ...over,
  };
}

const offlineAi = createAiServices({ openai: null, categories: [...DEFAULT_CATEGORIES] });
const silentWorkerLog = new Logger(() => () => undefined);

/**
 * Runs the worker's grievance AI handlers (the offline classifier) with graphile-worker over every queued job of
 * theirs, as the worker process would.
 */
export async function runClassificationJobs(db: Db, url: string): Promise<void> {
  await runOnce({
    connectionString: url,
    taskList: createGrievanceAiTasks({ db: () => db, ai: () => offlineAi }),
    concurrency: 1,
    noHandleSignals: true,
    logger: silentWorkerLog,
  });
}

export async function waitFor<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A live subscription's deliveries, kept for assertions. */
export interface Recording {
  updates: LiveUpdate[];
  /** The SSE ids as the client tracked them (what it would resume from). */
  ids: string[];
  errors: unknown[];
  stop(): void;
  waitFor(predicate: (update: LiveUpdate) => boolean, what: string): Promise<LiveUpdate>;
}

type Subscribe = (handlers: {
  onData: (envelope: { id: string; data: LiveUpdate }) => void;
  onError: (error: unknown) => void;
}) => { unsubscribe(): void };

/**
 * Subscribes and resolves once the server has registered the subscriber with the hub (SSE's `connected` event
 * comes before that, so waiting for it alone would race the first event).
 */
export async function record(hub: LiveEventHub | null, subscribe: Subscribe): Promise<Recording> {
  const before = hub?.subscriberCount() ?? 0;
  const recording: Recording = {
    updates: [],
    ids: [],
    errors: [],
    stop: () => undefined,
    waitFor: (predicate, what) =>
      waitFor(
        () => recording.updates.find(predicate),
        `${what} (got ${describe(recording.updates)})`,
      ),
  };
  const subscription = subscribe({
    onData: (envelope) => {
      recording.updates.push(envelope.data);
      recording.ids.push(envelope.id);
    },
    onError: (error) => recording.errors.push(error),
  });
  recording.stop = () => subscription.unsubscribe();
  if (hub) await waitFor(() => hub.subscriberCount() > before, "the subscriber to register");
  return recording;
}

function describe(updates: LiveUpdate[]): string {
  return JSON.stringify(updates.map((u) => `${u.eventType}@${u.grievanceId.slice(0, 8)}`));
}
