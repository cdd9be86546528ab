import { Validator } from "@seriousme/openapi-schema-validator";
import { createApiToken } from "@sunuwai/auth";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "./app-server";
import type { AppServer } from "./app-server";

let app: AppServer;
let db: Db;
let readerToken: string;
let wardsOnlyToken: string;
let openapi: { components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  app = await startAppServer();
  db = createDb(app.databaseUrl, { max: 2 });
  const token = async (
    name: string,
    scopes: ("grievance:write" | "grievance:read" | "wards:read")[],
  ) => (await createApiToken(db, { name, scopes })).token;
  readerToken = await token("another chatbot", ["grievance:write", "grievance:read"]);
  wardsOnlyToken = await token("ward lister", ["wards:read"]);
  const response = await fetch(`${app.url}/api/v1/openapi.json`);
  openapi = (await response.json()) as typeof openapi;
  // The components as the document has them, so their `#/components/schemas/…` references resolve.
  ajv.addSchema({ $id: "openapi", components: { schemas: openapi.components.schemas } });
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
});

interface Call {
  status: number;
  body: {
    status: string;
    data?: unknown;
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
  headers: Headers;
}

async function call(
  path: string,
  options: {
    token?: string | null;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Call> {
  const token = options.token === undefined ? app.chatbotToken : options.token;
  const response = await fetch(`${app.url}${path}`, {
    method: options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    body:
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return {
    status: response.status,
    body: (await response.json()) as Call["body"],
    headers: response.headers,
  };
}

/** Checks a body against a component of the served OpenAPI document: the document says what the API does. */
function expectDocumented(body: unknown, component: string) {
  const validate = ajv.getSchema(`openapi#/components/schemas/${component}`);
  if (!validate) throw new Error(`no component ${component}`);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

let phoneCounter = 0;
const nextPhone = () => `98510${String(10_000 + process.pid * 13 + (phoneCounter += 1)).slice(-5)}`;

const newGrievance = (phone: string) => ({
  complainant: {
    full_name: "Sita Kumari Shrestha",
    phone,
    email: "sita@example.com",
    address: "Tole 4, Baneshwor",
    municipality: "Kathmandu",
    ward_id: "KMC-01",
  },
  description: "The drinking water supply in our tole has been cut for two weeks.",
  language: "en",
  categories: ["Water Supply"],
});

describe("the chatbot REST routes", () => {
  it("files a grievance and reads it back in the documented envelope", async () => {
    const phone = nextPhone();
    const created = await call("/api/v1/grievances", { body: newGrievance(phone) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      status: "success",
      data: {
        grievance_id: expect.stringMatching(/^GRV-\d{4}-\d{6}$/) as unknown,
        status: "SUBMITTED",
        classification_status: "PENDING",
      },
    });
    expect(created.headers.get("x-request-id")).toBeTruthy();
    expectDocumented(created.body, "CreatedGrievanceResponse");
    const id = (created.body.data as { grievance_id: string }).grievance_id;

    const fetched = await call(`/api/v1/grievance/${id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({
      status: "success",
      data: {
        grievance_id: id,
        status: "SUBMITTED",
        description: "The drinking water supply in our tole has been cut for two weeks.",
        summary: null,
        categories: ["Water Supply"],
        classification_status: "PENDING",
        files: [],
      },
    });
    expectDocumented(fetched.body, "GrievanceResponse");

    const listed = await call(`/api/v1/grievances?phone=${encodeURIComponent(`+977-${phone}`)}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ status: "success", data: [fetched.body.data] });
    expectDocumented(listed.body, "GrievanceListResponse");
  });

  it("lets another token read a grievance only with the phone on file; otherwise 404 like an unknown id", async () => {
    const phone = nextPhone();
    const created = await call("/api/v1/grievances", { body: newGrievance(phone) });
    const id = (created.body.data as { grievance_id: string }).grievance_id;
    const withoutPhone = await call(`/api/v1/grievance/${id}`, { token: readerToken });
    const unknown = await call("/api/v1/grievance/GRV-2020-999999", { token: readerToken });
    expect(withoutPhone.status).toBe(404);
    expect(withoutPhone.body.error?.code).toBe("NOT_FOUND");
    expect(withoutPhone.body.error?.message).toBe(unknown.body.error?.message);
    expectDocumented(withoutPhone.body, "Error");
    const wrongPhone = await call(`/api/v1/grievance/${id}?phone=9860000001`, {
      token: readerToken,
    });
    expect(wrongPhone.status).toBe(404);
    const withPhone = await call(`/api/v1/grievance/${id}?phone=00977${phone}`, {
      token: readerToken,
    });
    expect(withPhone.status).toBe(200);
    expect(withPhone.body.data).toMatchObject({ grievance_id: id });
  });

  it("answers 400 VALIDATION_ERROR naming the failing fields", async () => {
    const bad = await call("/api/v1/grievances", {
      body: { ...newGrievance("not a phone"), description: "short" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: "error", error: { code: "VALIDATION_ERROR" } });
    expect(Object.keys(bad.body.error?.fields ?? {}).sort()).toEqual([
      "complainant.phone",
      "description",
    ]);
    expect(bad.body.error?.message).toContain("complainant.phone");
    expectDocumented(bad.body, "Error");

    const missingPhone = await call("/api/v1/grievances?phone=", {});
    expect(missingPhone.status).toBe(400);
    expect(missingPhone.body.error?.fields).toHaveProperty("phone");
    const badId = await call("/api/v1/grievance/12345");
    expect(badId.status).toBe(400);
    expect(badId.body.error?.fields).toHaveProperty("grievance_id");
    const unknownWard = await call("/api/v1/grievances", {
      body: { ...newGrievance(nextPhone()), ward_id: "NOWHERE-9" },
    });
    expect(unknownWard).toMatchObject({
      status: 400,
      body: { error: { code: "VALIDATION_ERROR", message: 'Unknown ward "NOWHERE-9"' } },
    });
    const notJson = await call("/api/v1/grievances", {
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    const notJsonType = await call("/api/v1/grievances", {
      rawBody: "description=hello",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(notJsonType).toMatchObject({
      status: 415,
      body: { error: { code: "UNSUPPORTED_MEDIA_TYPE" } },
    });
  });

  it("answers 401 without a valid bearer token and 403 for a token without the scope", async () => {
    const before = await db.grievance.count();
    for (const token of [null, "snw_revoked-or-never-issued-token-0000"]) {
      const created = await call("/api/v1/grievances", { token, body: newGrievance(nextPhone()) });
      expect(created.status).toBe(401);
      expect(created.body).toMatchObject({ status: "error", error: { code: "UNAUTHORIZED" } });
      expectDocumented(created.body, "Error");
      expect((await call("/api/v1/grievances?phone=9851000000", { token })).status).toBe(401);
    }
    const refused = await call("/api/v1/grievances", {
      token: wardsOnlyToken,
      body: newGrievance(nextPhone()),
    });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        status: "error",
        error: { code: "FORBIDDEN", message: "This API token lacks the scope grievance:write." },
      },
    });
    expect(
      (await call("/api/v1/grievance/GRV-2026-000001", { token: wardsOnlyToken })).status,
    ).toBe(403);
    expect(await db.grievance.count()).toBe(before);
  });
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document covering the REST routes and health", async () => {
    const result = await new Validator().validate(openapi);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const document = openapi as unknown as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/grievance/{grievance_id}",
      "/api/v1/grievances",
      "/api/v1/health",
    ]);
    expectDocumented(
      (await (await fetch(`${app.url}/api/v1/health`)).json()) as unknown,
      "HealthReport",
    );
  });
});

describe("live updates through Next.js", () => {
  it("streams SSE events as they happen, unbuffered and uncompressed", async () => {
    const first = await call("/api/v1/grievances", {
      token: readerToken,
      body: newGrievance(nextPhone()),
    });
    expect(first.status).toBe(201);
    const input = encodeURIComponent(JSON.stringify({ json: { lastEventId: "0" } }));
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/trpc/grievance.onChatbotUpdate?input=${input}`, {
      headers: { authorization: `Bearer ${readerToken}`, "accept-encoding": "gzip, deflate, br" },
      signal: controller.signal,
    });
    try {
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      expect(response.headers.get("content-encoding")).toBeNull();
      const events = sseEvents(response);
      // Replayed from the log (the subscriber is registered by then), then one that happens while listening.
      expect(await nextCreated(events)).toBeTruthy();
      await call("/api/v1/grievances", { token: readerToken, body: newGrievance(nextPhone()) });
      const started = Date.now();
      expect(await nextCreated(events)).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      controller.abort();
    }
  });
});

type SseEvent = { id?: string; event?: string; data: string };

async function* sseEvents(response: Response): AsyncGenerator<SseEvent> {
  const reader = response.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = { data: "" };
      for (const line of block.split("\n")) {
        const [field, ...rest] = line.split(":");
        const value = rest.join(":").replace(/^ /, "");
        if (field === "id") event.id = value;
        else if (field === "event") event.event = value;
        else if (field === "data") event.data += value;
      }
      yield event;
    }
  }
}

async function nextCreated(events: AsyncGenerator<SseEvent>): Promise<string> {
  for (;;) {
    const next = await Promise.race([
      events.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("no SSE event within 10 s")), 10_000),
      ),
    ]);
    if (next.done) throw new Error("the stream ended");
    if (next.value.event || !next.value.data) continue;
    const update = (
      JSON.parse(next.value.data) as { json: { eventType: string; grievanceId: string } }
    ).json;
    if (update.eventType === "CREATED") return update.grievanceId;
  }
}
