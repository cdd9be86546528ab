import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asChatbot,
  asStaff,
  grievanceInput,
  nextPhone,
  record,
  runClassificationJobs,
  startHelpdeskApi,
  waitFor,
} from "./grievance-harness";
import type { HelpdeskApi, HelpdeskClient, Recording } from "./grievance-harness";

let api: HelpdeskApi;
let bot: HelpdeskClient;
let otherBot: HelpdeskClient;
let supervisor: HelpdeskClient;
const recordings: Recording[] = [];

beforeAll(async () => {
  api = await startHelpdeskApi();
  bot = asChatbot(api.origin, api.cast.tokens.chatbot.secret);
  otherBot = asChatbot(api.origin, api.cast.tokens.otherBot.secret);
  supervisor = await asStaff(api.origin, api.cast.users.supervisor.id);
});

afterAll(async () => {
  for (const recording of recordings) recording.stop();
  await api?.close();
});

async function staffRecording(
  userId: string,
  input: { grievanceId?: string } = {},
  options: Parameters<typeof asStaff>[2] = {},
) {
  const client = await asStaff(api.origin, userId, options);
  const recording = await record(api.hub, (handlers) =>
    client.grievance.onUpdate.subscribe(input, handlers),
  );
  recordings.push(recording);
  return recording;
}

async function chatbotRecording(client: HelpdeskClient) {
  const recording = await record(api.hub, (handlers) =>
    client.grievance.onChatbotUpdate.subscribe({}, handlers),
  );
  recordings.push(recording);
  return recording;
}

/** Files a grievance and keeps the phone it was filed with (the chatbot's proof for later calls). */
async function file(client: HelpdeskClient, ward = "KMC-01", description?: string) {
  const phone = nextPhone();
  const created = await client.grievance.create.mutate(
    grievanceInput({
      complainant: { fullName: "Gita Rai", phone, ward },
      ...(description ? { description } : {}),
    }),
  );
  return { ...created, phone };
}

/**
 * Sends an event the recordings can all see and waits until each has it: notifications reach every subscriber
 * in commit order, so whatever is missing by then was never sent to it.
 */
async function barrier(recordings: Recording[], send: () => Promise<{ eventId: string }>) {
  const { eventId } = await send();
  for (const recording of recordings)
    await recording.waitFor((u) => u.eventId === eventId, `event ${eventId}`);
}

const staffNote =
  (grievanceId: string, text = "barrier") =>
  () =>
    supervisor.grievance.addComment.mutate({ grievanceId, kind: "note", text });

const about = (recording: Recording, grievanceId: string) =>
  recording.updates.filter((update) => update.grievanceId === grievanceId);

const classified = (recording: Recording, grievanceId: string) =>
  recording.waitFor(
    (u) => u.grievanceId === grievanceId && u.kind === "classification_complete",
    "classification_complete",
  );

describe("live updates over SSE", () => {
  it("push the worker's classification_complete to whoever may see the grievance, and nothing to others", async () => {
    const asha = await staffRecording(api.cast.users.officerA.id);
    const chandra = await staffRecording(api.cast.users.officerC.id);
    const sunita = await staffRecording(api.cast.users.supervisor.id);
    const chatbot = await chatbotRecording(bot);
    const other = await chatbotRecording(otherBot);

    const water = await file(bot, "KMC-01");
    const garbage = await file(
      otherBot,
      "KMC-02",
      "Garbage has not been collected in our street for three weeks and it stinks.",
    );
    const onlyWater = await staffRecording(api.cast.users.supervisor.id, { grievanceId: water.id });
    await runClassificationJobs(api.db, api.url);

    expect(await classified(asha, water.id)).toEqual({
      kind: "classification_complete",
      eventType: "CLASSIFIED",
      grievanceId: water.id,
      eventId: expect.stringMatching(/^\d+$/) as unknown,
    });
    await classified(chatbot, water.id);
    await classified(sunita, water.id);
    await classified(onlyWater, water.id);
    await classified(sunita, garbage.id);
    await classified(chandra, garbage.id);
    await classified(other, garbage.id);
    // The worker's other outcomes arrive as task_status.
    await asha.waitFor(
      (u) => u.grievanceId === water.id && u.kind === "task_status" && u.eventType === "SUMMARIZED",
      "the summary's task_status",
    );

    await barrier([asha, sunita, onlyWater], staffNote(water.id));
    await barrier([chandra, sunita], staffNote(garbage.id));
    await barrier([chatbot], () =>
      bot.grievance.addMessage.mutate({ ...water, message: "Any news?" }),
    );
    await barrier([other], () =>
      otherBot.grievance.addMessage.mutate({ ...garbage, message: "Any news?" }),
    );
    expect(about(asha, garbage.id)).toEqual([]);
    expect(about(chandra, water.id)).toEqual([]);
    expect(about(onlyWater, garbage.id)).toEqual([]);
    expect(about(chatbot, garbage.id)).toEqual([]);
    expect(about(other, water.id)).toEqual([]);
    // A chatbot hears what its complainant may know: no staff notes, no assignments.
    expect(about(chatbot, water.id).map((u) => u.eventType)).toEqual([
      "CREATED",
      "CLASSIFIED",
      "SUMMARIZED",
      "TRANSLATED",
      "MESSAGE_ADDED",
    ]);
    expect(about(asha, water.id).map((u) => u.eventType)).toEqual(
      expect.arrayContaining(["CREATED", "ASSIGNED", "CLASSIFIED", "NOTE_ADDED"]),
    );
    expect(asha.ids).toEqual(asha.updates.map((u) => u.eventId));
    for (const recording of [asha, chandra, sunita, chatbot, other, onlyWater])
      expect(recording.errors).toEqual([]);
  });

  it("stop telling an officer about a case once it is classified as sensitive and assigned to someone else", async () => {
    const asha = await staffRecording(api.cast.users.officerA.id);
    const bikash = await staffRecording(api.cast.users.officerB.id);
    const seah = await file(
      bot,
      "KMC-01",
      "The site supervisor asked a woman worker for sexual favours in return for keeping her job.",
    );
    const ordinary = await file(bot, "KMC-01");
    await supervisor.grievance.assign.mutate({
      grievanceId: seah.id,
      assigneeId: api.cast.users.officerB.id,
    });
    await runClassificationJobs(api.db, api.url);

    await classified(bikash, seah.id);
    const state = await api.db.grievance.findUniqueOrThrow({
      where: { id: seah.id },
      select: { categories: true, sensitive: true },
    });
    expect(state).toEqual({
      categories: expect.arrayContaining(["Gender/SEAH"]) as unknown,
      sensitive: true,
    });
    await barrier([asha, bikash], staffNote(ordinary.id));
    await barrier([bikash], staffNote(seah.id, "only for the assignee"));
    // Asha heard of the filing (her ward, not yet known as sensitive) and of nothing since.
    const heard = about(asha, seah.id).map((u) => u.eventType);
    expect(heard[0]).toBe("CREATED");
    expect(heard.every((type) => type === "CREATED" || type === "ASSIGNED")).toBe(true);
  });

  it("resumes after a reconnect with exactly the events missed meanwhile", async () => {
    const visible = await file(bot, "KMC-01");
    const hidden = await file(bot, "KMC-02");
    const network = new FlakyNetwork();
    const asha = await staffRecording(api.cast.users.officerA.id, {}, { sseFetch: network.fetch });
    const before = await supervisor.grievance.addComment.mutate({
      grievanceId: visible.id,
      kind: "note",
      text: "before the outage",
    });
    await asha.waitFor((u) => u.eventId === before.eventId, "the note before the outage");

    const subscribers = api.hub.subscriberCount();
    network.cut();
    await waitFor(
      () => api.hub.subscriberCount() === subscribers - 1,
      "the server to see the drop",
    );
    const missed = [
      (await staffNote(visible.id, "during the outage")()).eventId,
      (await staffNote(hidden.id, "not for Asha")()).eventId,
      (
        await supervisor.grievance.changeStatus.mutate({
          grievanceId: visible.id,
          status: "UNDER_EVALUATION",
          reason: "Picked up during the outage",
        })
      ).id,
    ];
    expect(missed).toHaveLength(3);
    network.restore();

    const status = await asha.waitFor(
      (u) => u.eventType === "STATUS_CHANGED" && u.grievanceId === visible.id,
      "the missed status change",
    );
    const after = asha.updates.slice(
      asha.updates.findIndex((u) => u.eventId === before.eventId) + 1,
    );
    expect(after.map((u) => [u.eventType, u.grievanceId])).toEqual([
      ["NOTE_ADDED", visible.id],
      ["STATUS_CHANGED", visible.id],
    ]);
    expect(after[0]?.eventId).toBe(missed[0]);
    expect(BigInt(status.eventId)).toBeGreaterThan(BigInt(before.eventId));
    expect(network.resumedFrom).toContain(before.eventId);

    // Live again after the replay, without duplicates.
    const later = await staffNote(visible.id, "after the outage")();
    await asha.waitFor((u) => u.eventId === later.eventId, "a live event after resuming");
    expect(new Set(asha.ids).size).toBe(asha.ids.length);
  });

  it("serves every subscriber from one LISTEN connection", async () => {
    expect(api.hub.subscriberCount()).toBeGreaterThanOrEqual(8);
    const [listeners] = await api.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN "sunuwai_helpdesk"'`;
    expect(listeners?.count).toBe(1);
  });
});

/**
 * The network under an SSE client: drops the open connection as a lost network would (the client sees a failed
 * read, not its own abort, so it reconnects) and holds reconnects back until restored.
 */
class FlakyNetwork {
  private readonly open = new Set<() => void>();
  private held: Promise<void> | null = null;
  private release: () => void = () => undefined;
  /** The event id each connection asked to resume from, as the client sent it. */
  readonly resumedFrom: string[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.held) await this.held;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const lastEventId =
      new Headers(init?.headers).get("last-event-id") ??
      /"lastEventId":"(\d+)"/.exec(url.searchParams.get("input") ?? "")?.[1];
    if (lastEventId) this.resumedFrom.push(lastEventId);
    const connection = new AbortController();
    const signal = init?.signal
      ? AbortSignal.any([init.signal, connection.signal])
      : connection.signal;
    const response = await fetch(url, { ...init, signal });
    const reader = response.body?.getReader();
    if (!reader) return response;
    let fail: (error: Error) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        fail = (error) => controller.error(error);
      },
      pull: async (controller) => {
        try {
          const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
          if (done || !value) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const drop = () => {
      fail(new TypeError("network connection lost"));
      connection.abort();
    };
    this.open.add(drop);
    return new Response(body, { status: response.status, headers: response.headers });
  };

  cut(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
    for (const drop of this.open) drop();
    this.open.clear();
  }

  restore(): void {
    this.held = null;
    this.release();
  }
}
