import { hashApiToken } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import { AppError } from "@sunuwai/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, listApiTokens, revokeApiToken, viewerFromApiToken } from "./api-tokens";
import { viewerFromRequest } from "./request";
import { createTestUser, sessionCookieFor } from "./testing";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});

afterAll(async () => {
  await testDb.drop();
});

describe("API tokens", () => {
  it("creates a token whose secret is shown once and stored only as a hash", async () => {
    const { token, record } = await createApiToken(db, {
      name: "chatbot",
      scopes: ["grievance:write", "wards:read"],
    });

    expect(token).toMatch(/^snw_[\w-]{43}$/);
    expect(record).toMatchObject({
      name: "chatbot",
      prefix: token.slice(0, 8),
      scopes: ["grievance:write", "wards:read"],
    });
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await listApiTokens(db);
    const mine = listed.find((summary) => summary.id === record.id);
    expect(mine).toMatchObject({ id: record.id, name: "chatbot", prefix: token.slice(0, 8) });
    expect(Object.keys(mine ?? {})).not.toContain("tokenHash");
  });

  it("authenticates a good token and records its use at most once a minute", async () => {
    const { token, record } = await createApiToken(db, { name: "bot", scopes: ["wards:read"] });
    const t0 = new Date("2026-03-01T10:00:00Z");

    expect(await viewerFromApiToken(db, token, t0)).toEqual({
      kind: "token",
      tokenId: record.id,
      name: "bot",
      scopes: ["wards:read"],
    });
    await viewerFromApiToken(db, token, new Date(t0.getTime() + 30_000));
    const lastUsed = () =>
      db.apiToken.findUniqueOrThrow({ where: { id: record.id } }).then((row) => row.lastUsedAt);
    expect(await lastUsed()).toEqual(t0);

    const later = new Date(t0.getTime() + 61_000);
    await viewerFromApiToken(db, token, later);
    expect(await lastUsed()).toEqual(later);
  });

  it("refuses revoked, expired, unknown and garbage tokens", async () => {
    const revoked = await createApiToken(db, { name: "old bot", scopes: ["wards:read"] });
    const revokedSummary = await revokeApiToken(db, revoked.record.id);
    expect(revokedSummary.revokedAt).toBeInstanceOf(Date);

    const now = new Date();
    const expiring = await createApiToken(
      db,
      { name: "short", scopes: ["wards:read"], expiresAt: new Date(now.getTime() + 1000) },
      now,
    );

    expect(await viewerFromApiToken(db, revoked.token)).toBeNull();
    expect(await viewerFromApiToken(db, expiring.token, new Date(now.getTime() + 2000))).toBeNull();
    expect(await viewerFromApiToken(db, `snw_${"A".repeat(43)}`)).toBeNull();
    expect(await viewerFromApiToken(db, "x")).toBeNull();
  });

  it("keeps the first revocation time and reports unknown ids", async () => {
    const { record } = await createApiToken(db, { name: "twice", scopes: ["wards:read"] });
    const first = await revokeApiToken(db, record.id, new Date("2026-03-01T00:00:00Z"));
    const second = await revokeApiToken(db, record.id, new Date("2026-03-02T00:00:00Z"));
    expect(second.revokedAt).toEqual(first.revokedAt);

    await expect(revokeApiToken(db, "5a0c4c3e-1111-4a2b-8c3d-9e8f7a6b5c4d")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a token without scopes or with an expiry in the past", async () => {
    await expect(createApiToken(db, { name: "none", scopes: [] })).rejects.toBeInstanceOf(AppError);
    await expect(
      createApiToken(db, {
        name: "past",
        scopes: ["wards:read"],
        expiresAt: new Date("2020-01-01T00:00:00Z"),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "The expiry date must be in the future.",
    });
  });

  it("accepts a token the seed stored with hashApiToken, ignoring scopes it does not know", async () => {
    const secret = "seeded-chatbot-token-value-0123456789";
    await db.apiToken.create({
      data: {
        name: "seeded",
        tokenHash: hashApiToken(secret),
        prefix: secret.slice(0, 8),
        scopes: ["wards:read", "legacy:all"],
      },
    });
    expect(await viewerFromApiToken(db, secret)).toMatchObject({
      name: "seeded",
      scopes: ["wards:read"],
    });
  });
});

describe("viewerFromRequest", () => {
  const at = (headers: Record<string, string>) =>
    new Request("http://localhost/api/trpc/viewer.me", { headers });

  it("reads an API token from the Authorization header and a session from the cookie", async () => {
    const { token, record } = await createApiToken(db, { name: "bot", scopes: ["wards:read"] });
    const analyst = await createTestUser(db, { role: "ANALYST" });

    expect(await viewerFromRequest(db, at({ authorization: `Bearer ${token}` }))).toMatchObject({
      tokenId: record.id,
    });
    expect(
      await viewerFromRequest(db, at({ cookie: await sessionCookieFor(analyst.id) })),
    ).toMatchObject({
      kind: "user",
      id: analyst.id,
      role: "ANALYST",
    });
  });

  it("judges a request by the credential it names, never falling back to the cookie", async () => {
    const analyst = await createTestUser(db, { role: "ANALYST" });
    const cookie = await sessionCookieFor(analyst.id);

    expect(
      await viewerFromRequest(db, at({ authorization: "Bearer wrong-token-000000000", cookie })),
    ).toBeNull();
    expect(
      await viewerFromRequest(db, at({ authorization: "Basic dXNlcjpwYXNz", cookie })),
    ).toBeNull();
  });

  it("refuses a session whose user was disabled after signing in, or signed with another secret", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const cookie = await sessionCookieFor(officer.id);
    expect(await viewerFromRequest(db, at({ cookie }))).not.toBeNull();

    await db.user.update({ where: { id: officer.id }, data: { disabledAt: new Date() } });
    expect(await viewerFromRequest(db, at({ cookie }))).toBeNull();

    const forged = await sessionCookieFor(officer.id, {
      secret: "someone-elses-secret-that-is-long-enough",
    });
    expect(await viewerFromRequest(db, at({ cookie: forged }))).toBeNull();
  });

  it("reads a session cookie that next-auth split into chunks", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const token = (await sessionCookieFor(officer.id)).split("=")[1] ?? "";
    const half = Math.floor(token.length / 2);
    const cookie = `next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`;

    expect(await viewerFromRequest(db, at({ cookie }))).toMatchObject({ id: officer.id });
  });
});
