import { createTestUser, sessionCookieFor } from "@sunuwai/auth/testing";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFetchHandler } from "./testing/serve";
import { asToken, asUser, seedCast, trpcClient } from "../test/setup";
import { createApiFetchHandler } from "./handler";
import { createLogger } from "./logger";
import type { AppRouter } from "./root";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;
let cast: Awaited<ReturnType<typeof seedCast>>;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  cast = await seedCast(db);
  const logger = createLogger({}, (line) =>
    logLines.push(JSON.parse(line) as Record<string, unknown>),
  );
  server = await serveFetchHandler(createApiFetchHandler({ db, logger }));
});

afterAll(async () => {
  await server.close();
  await testDb.drop();
});

/** The tRPC error a call ended with: code, HTTP status and message as the client sees them. */
async function failure(call: Promise<unknown>) {
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

describe("who is calling", () => {
  it("tells a signed-in officer their role and jurisdiction, and a token its scopes", async () => {
    const officer = await asUser(server.origin, cast.users.officer.id);
    expect(await officer.viewer.me.query()).toMatchObject({
      kind: "user",
      id: cast.users.officer.id,
      role: "OFFICER",
      wardIds: expect.arrayContaining([cast.wards.kmc01.id, cast.wards.jubilee.id]) as unknown,
    });
    expect(await asToken(server.origin, cast.tokens.wards).viewer.me.query()).toMatchObject({
      kind: "token",
      name: "chatbot",
      scopes: ["wards:read", "grievance:write"],
    });
  });

  it("answers 401 without credentials", async () => {
    expect(await failure(trpcClient(server.origin).viewer.me.query())).toMatchObject({
      code: "UNAUTHORIZED",
      httpStatus: 401,
    });
    const raw = await fetch(`${server.origin}/api/trpc/viewer.me`);
    expect(raw.status).toBe(401);
    expect(raw.headers.get("x-request-id")).toBeTruthy();
  });
});

describe("roles", () => {
  it("gives an officer the wards of their jurisdiction and a supervisor every ward", async () => {
    const officerWards = await (
      await asUser(server.origin, cast.users.officer.id)
    ).ward.jurisdiction.query();
    expect(officerWards.map((ward) => ward.code)).toEqual(["WARD_001", "KMC-01"]);

    const supervisorWards = await (
      await asUser(server.origin, cast.users.supervisor.id)
    ).ward.jurisdiction.query();
    expect(supervisorWards.map((ward) => ward.code).sort()).toEqual([
      "KMC-01",
      "KMC-02",
      "WARD_001",
    ]);
  });

  it("refuses a helpdesk procedure to an analyst with 403", async () => {
    const analyst = await asUser(server.origin, cast.users.analyst.id);
    expect(await failure(analyst.ward.jurisdiction.query())).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
    });
  });

  it("lists every ward for an analyst but refuses the list to an officer", async () => {
    const analystWards = await (
      await asUser(server.origin, cast.users.analyst.id)
    ).ward.list.query();
    expect(analystWards).toContainEqual({
      id: cast.wards.jubilee.id,
      code: "WARD_001",
      name: "Jubilee Hills",
      localName: "జూబ్లీ హిల్స్",
      municipality: "GHMC",
      country: "IN",
    });
    const officer = await asUser(server.origin, cast.users.officer.id);
    expect(await failure(officer.ward.list.query())).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
    });
  });

  it("keeps tokens out of staff procedures and staff out of chatbot procedures", async () => {
    expect(
      await failure(asToken(server.origin, cast.tokens.wards).ward.list.query()),
    ).toMatchObject({ code: "FORBIDDEN" });
    const admin = await asUser(server.origin, cast.users.admin.id);
    expect(await failure(admin.chatbot.wards.query())).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("API tokens", () => {
  it("lets a token with wards:read list wards for the chatbot", async () => {
    const wards = await asToken(server.origin, cast.tokens.wards).chatbot.wards.query();
    expect(wards).toContainEqual({
      code: "KMC-01",
      name: "Kathmandu Ward 1",
      localName: "काठमाडौं वडा नं. १",
      municipality: "Kathmandu Metropolitan City",
    });
  });

  it("refuses a revoked token (401), a token without the scope (403) and garbage (401)", async () => {
    expect(
      await failure(asToken(server.origin, cast.tokens.revoked).chatbot.wards.query()),
    ).toMatchObject({
      code: "UNAUTHORIZED",
      httpStatus: 401,
    });
    expect(
      await failure(asToken(server.origin, cast.tokens.grievanceOnly).chatbot.wards.query()),
    ).toEqual({
      code: "FORBIDDEN",
      httpStatus: 403,
      message: "This API token lacks the scope wards:read.",
    });
    expect(
      await failure(asToken(server.origin, "garbage' OR '1'='1").chatbot.wards.query()),
    ).toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("lets an admin create a token that works at once, list it without its secret, and revoke it", async () => {
    const admin = await asUser(server.origin, cast.users.admin.id);
    const created = await admin.admin.apiTokens.create.mutate({
      name: "new chatbot",
      scopes: ["wards:read"],
    });
    expect(created.record.createdById).toBe(cast.users.admin.id);
    expect(await asToken(server.origin, created.token).chatbot.wards.query()).not.toHaveLength(0);

    const listed = await admin.admin.apiTokens.list.query();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed.find((token) => token.id === created.record.id)?.prefix).toBe(
      created.token.slice(0, 8),
    );

    await admin.admin.apiTokens.revoke.mutate({ id: created.record.id });
    expect(
      await failure(asToken(server.origin, created.token).chatbot.wards.query()),
    ).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("sessions", () => {
  it("refuses the existing session of a user an admin disables", async () => {
    const officer2 = await createTestUser(db, { role: "OFFICER" });
    const officerClient = await asUser(server.origin, officer2.id);
    expect(await officerClient.viewer.me.query()).toMatchObject({ id: officer2.id });

    const admin = await asUser(server.origin, cast.users.admin.id);
    const disabled = await admin.admin.users.setDisabled.mutate({
      userId: officer2.id,
      disabled: true,
    });
    expect(disabled.disabledAt).toBeInstanceOf(Date);

    expect(await failure(officerClient.viewer.me.query())).toMatchObject({
      code: "UNAUTHORIZED",
      httpStatus: 401,
    });
    expect(await failure(officerClient.ward.jurisdiction.query())).toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("maps service errors to their status: disabling yourself is a 409 conflict, a bad id a 400", async () => {
    const admin = await asUser(server.origin, cast.users.admin.id);
    expect(
      await failure(
        admin.admin.users.setDisabled.mutate({ userId: cast.users.admin.id, disabled: true }),
      ),
    ).toEqual({
      code: "CONFLICT",
      httpStatus: 409,
      message: "You cannot disable your own account.",
    });
    expect(
      await failure(admin.admin.users.setDisabled.mutate({ userId: "not-a-uuid", disabled: true })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
    });
    expect(
      await failure(
        admin.admin.apiTokens.revoke.mutate({ id: "0f0e0d0c-0b0a-4908-8706-050403020100" }),
      ),
    ).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, message: "No API token with that id." });
  });
});

describe("batching", () => {
  const createCalls = (admin: Awaited<ReturnType<typeof asUser>>, count: number) =>
    Array.from({ length: count }, (_, index) =>
      admin.admin.apiTokens.create.mutate({
        name: `batch-${count}-${index}`,
        scopes: ["wards:read"],
      }),
    );

  it("refuses a batch of 11 calls with 400 before running any of them", async () => {
    const admin = await asUser(server.origin, cast.users.admin.id);
    const before = await db.apiToken.count();

    const outcomes = await Promise.allSettled(createCalls(admin, 11));

    expect(outcomes.every((outcome) => outcome.status === "rejected")).toBe(true);
    const first = outcomes[0];
    const error =
      first?.status === "rejected" ? (first.reason as TRPCClientError<AppRouter>) : undefined;
    expect(error?.data?.httpStatus).toBe(400);
    expect(error?.message).toBe("Too many calls in one batch: at most 10 are allowed.");
    expect(await db.apiToken.count()).toBe(before);
  });

  it("refuses an oversized batch sent by hand, and runs a batch of 10", async () => {
    const paths = Array.from({ length: 11 }, () => "viewer.me").join(",");
    const raw = await fetch(`${server.origin}/api/trpc/${paths}?batch=1&input={}`, {
      headers: { authorization: `Bearer ${cast.tokens.wards}` },
    });
    expect(raw.status).toBe(400);
    const body = JSON.stringify(await raw.json());
    expect(body).toContain("at most 10");

    const admin = await asUser(server.origin, cast.users.admin.id);
    const before = await db.apiToken.count();
    await Promise.all(createCalls(admin, 10));
    expect(await db.apiToken.count()).toBe(before + 10);
  });
});

describe("unexpected errors", () => {
  it("reach the client as 'Internal server error' with a request id, never a stack or SQL", async () => {
    const analyst = await asUser(server.origin, cast.users.analyst.id);
    // Provoke a real database error: the table the procedure reads is gone.
    await db.$executeRawUnsafe(`ALTER TABLE "Ward" RENAME TO "WardHidden"`);
    try {
      const caught = await failure(analyst.ward.list.query());
      expect(caught).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 });
      expect(caught.message).toMatch(/^Internal server error \(request [\w-]+\)\.$/);

      const raw = await fetch(`${server.origin}/api/trpc/ward.list`, {
        headers: { cookie: await sessionCookieFor(cast.users.analyst.id) },
      });
      const text = await raw.text();
      expect(raw.status).toBe(500);
      for (const leak of ["stack", "Ward", "SELECT", "prisma", "at async", ".ts:"])
        expect(text).not.toContain(leak);

      const requestId = raw.headers.get("x-request-id");
      expect(text).toContain(requestId ?? "missing request id");
      const logged = logLines.find(
        (line) => line.requestId === requestId && line.level === "error",
      );
      expect(logged).toMatchObject({
        msg: "Unexpected error in tRPC procedure",
        path: "ward.list",
      });
      expect(JSON.stringify(logged)).not.toContain(cast.users.analyst.email);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "WardHidden" RENAME TO "Ward"`);
    }
  });
});
