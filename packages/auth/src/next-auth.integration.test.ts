import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import { getServerSession } from "next-auth";
import type { NextAuthOptions } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieBrowser, serveNextAuth } from "../test/next-auth-server";
import { INVALID_CREDENTIALS } from "./credentials";
import { authEnv } from "./env";
import { createAuthOptions } from "./next-auth";
import { viewerFromRequest } from "./request";
import { parseCookieHeader } from "./session-cookie";
import { createTestUser, createTestWard } from "./testing";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let options: NextAuthOptions;
let server: Awaited<ReturnType<typeof serveNextAuth>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  options = createAuthOptions({ getDb: () => db, getSecret: () => authEnv().AUTH_SECRET });
  server = await serveNextAuth(options);
});

afterAll(async () => {
  await server.close();
  await testDb.drop();
});

/** Signs in the way next-auth's `signIn("credentials", { redirect: false })` does; returns its `error`, if any. */
async function signIn(browser: CookieBrowser, email: string, password: string) {
  const { csrfToken } = (await (await browser.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await browser.postForm("/api/auth/callback/credentials", {
    csrfToken,
    email,
    password,
    json: "true",
  });
  const { url } = (await response.json()) as { url: string };
  return { status: response.status, error: new URL(url).searchParams.get("error") };
}

describe("next-auth credentials sign-in over HTTP", () => {
  it("signs an officer in; the session carries role and jurisdiction and tRPC accepts the cookie", async () => {
    const ward = await createTestWard(db, { code: "KMC-10" });
    const officer = await createTestUser(db, { role: "OFFICER", wardIds: [ward.id] });
    const browser = new CookieBrowser(server.origin);

    expect(await signIn(browser, officer.email, officer.password)).toEqual({
      status: 200,
      error: null,
    });
    expect(browser.cookies.has("next-auth.session-token")).toBe(true);

    const session = (await (await browser.get("/api/auth/session")).json()) as { user?: unknown };
    expect(session.user).toEqual({
      id: officer.id,
      email: officer.email,
      name: "Test officer",
      role: "OFFICER",
      wardIds: [ward.id],
    });

    const request = new Request(`${server.origin}/api/trpc/viewer.me`, {
      headers: { cookie: browser.cookieHeader },
    });
    expect(await viewerFromRequest(db, request)).toMatchObject({
      kind: "user",
      id: officer.id,
      role: "OFFICER",
    });
  });

  it("answers a wrong password and an unknown email with the same error, and sets no session", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const browser = new CookieBrowser(server.origin);

    expect(await signIn(browser, officer.email, "wrong password")).toEqual({
      status: 401,
      error: INVALID_CREDENTIALS,
    });
    expect(await signIn(browser, "nobody@sunuwai.test", "wrong password")).toEqual({
      status: 401,
      error: INVALID_CREDENTIALS,
    });
    expect(browser.cookies.has("next-auth.session-token")).toBe(false);
  });

  it("tells a locked-out user how long to wait", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const browser = new CookieBrowser(server.origin);
    for (let attempt = 0; attempt < 5; attempt++) await signIn(browser, officer.email, "guess");

    expect(await signIn(browser, officer.email, officer.password)).toEqual({
      status: 401,
      error: "Account locked. Try again in 15 minutes.",
    });
  });

  it("ends the session of a user who is disabled after signing in", async () => {
    const supervisor = await createTestUser(db, { role: "SUPERVISOR" });
    const browser = new CookieBrowser(server.origin);
    await signIn(browser, supervisor.email, supervisor.password);
    // getServerSession takes cookies as Next.js parses them: decoded values by name.
    const sessionCookies = Object.fromEntries(parseCookieHeader(browser.cookieHeader));
    const res = { getHeader: () => undefined, setHeader: () => undefined };
    const serverSession = () =>
      getServerSession({ cookies: sessionCookies, headers: {} } as never, res as never, options);

    expect(await serverSession()).toMatchObject({
      user: { id: supervisor.id, role: "SUPERVISOR" },
    });

    await db.user.update({ where: { id: supervisor.id }, data: { disabledAt: new Date() } });

    expect(await serverSession()).toBeNull();
    expect(await (await browser.get("/api/auth/session")).json()).toEqual({});
    expect(browser.cookies.has("next-auth.session-token")).toBe(false);
  });
});
