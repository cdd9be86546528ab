import type { Db } from "@sunuwai/db";
import { listen, notify } from "@sunuwai/db/events";
import type { Listener } from "@sunuwai/db/events";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { grievanceLiveEventSchema } from "@sunuwai/validators";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor } from "./access/actor";
import { HELPDESK_CHANNEL } from "./events";
import { createGrievance } from "./services/create-grievance";
import { createChatbot, grievanceInput } from "./test/fixtures";

let url: string;
let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;
const listeners: Listener[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ url, db } = testDb);
  chatbot = await createChatbot(db);
});

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

afterAll(async () => {
  await testDb.drop();
});

async function subscribe(channel: string, options: Parameters<typeof listen>[3] = {}) {
  const received: unknown[] = [];
  listeners.push(await listen(url, channel, (payload) => received.push(payload), options));
  return received;
}

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A NOTIFY sent after `marker` arrives after everything sent before it on the same channel. */
async function settle(channel: string, received: unknown[]): Promise<void> {
  const marker = { marker: Math.random() };
  await notify(db, channel, marker);
  await waitFor(() =>
    received.some((payload) => JSON.stringify(payload) === JSON.stringify(marker)),
  );
}

class Rollback extends Error {}

describe("LISTEN/NOTIFY", () => {
  it("delivers a notification after commit, and none after a rollback", async () => {
    const received = await subscribe("test_events");
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, "test_events", { n: "rolled back" });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    await db.$transaction(async (tx) => {
      await notify(tx, "test_events", { n: "committed" });
      // Not yet: the transaction is still open.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);
    });
    await settle("test_events", received);
    expect(received.slice(0, 1)).toEqual([{ n: "committed" }]);
    expect(received).not.toContainEqual({ n: "rolled back" });
  });

  it("announces a new grievance with ids only, and nothing for a creation that failed", async () => {
    const received = await subscribe(HELPDESK_CHANNEL);
    await expect(
      createGrievance(db, chatbot, grievanceInput({ language: "xx" as "en" })),
    ).rejects.toThrow();
    const created = await createGrievance(db, chatbot, grievanceInput({ phone: "9841555666" }));
    await settle(HELPDESK_CHANNEL, received);
    const events = received
      .filter((payload) => grievanceLiveEventSchema.safeParse(payload).success)
      .map((payload) => grievanceLiveEventSchema.parse(payload));
    expect(events.map((event) => [event.kind, event.eventType, event.grievanceId])).toEqual([
      ["grievance_updated", "CREATED", created.id],
      ["grievance_updated", "ASSIGNED", created.id],
    ]);
    expect(events[0]).toMatchObject({
      sourceApiTokenId: chatbot.apiTokenId,
      sensitive: false,
      wardId: null,
    });
    expect(JSON.stringify(received)).not.toMatch(/9841555666|Sita|Shrestha/);
  });

  it("reconnects after the connection is killed and keeps listening", async () => {
    let reconnects = 0;
    const received = await subscribe("test_reconnect", {
      retryDelayMs: 50,
      onReconnect: () => (reconnects += 1),
    });
    await settle("test_reconnect", received);
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "test_reconnect"'`;
    await waitFor(() => reconnects === 1);
    await notify(db, "test_reconnect", { after: "reconnect" });
    await waitFor(() =>
      received.some((payload) => JSON.stringify(payload) === '{"after":"reconnect"}'),
    );
  });

  it("refuses a channel name that is not a plain identifier and a payload over the limit", async () => {
    await expect(notify(db, 'x"; DROP TABLE "Grievance', {})).rejects.toThrow(
      /Invalid channel name/,
    );
    await expect(listen(url, "Bad-Channel", () => undefined)).rejects.toThrow(
      /Invalid channel name/,
    );
    await expect(notify(db, "test_events", { big: "x".repeat(8000) })).rejects.toThrow(
      /limit is 7999/,
    );
  });
});
