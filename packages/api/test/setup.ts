import { createApiToken, revokeApiToken } from "@sunuwai/auth";
import { createTestUser, createTestWard, sessionCookieFor } from "@sunuwai/auth/testing";
import type { Db } from "@sunuwai/db";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/root";

/** Wards, one user per role and a few API tokens: the cast every API test plays with. */
export async function seedCast(db: Db) {
  const kmc01 = await createTestWard(db, {
    code: "KMC-01",
    name: "Kathmandu Ward 1",
    localName: "काठमाडौं वडा नं. १",
  });
  const kmc02 = await createTestWard(db, { code: "KMC-02", name: "Kathmandu Ward 2" });
  const jubilee = await createTestWard(db, {
    code: "WARD_001",
    name: "Jubilee Hills",
    localName: "జూబ్లీ హిల్స్",
    municipality: "GHMC",
    country: "IN",
  });
  const users = {
    admin: await createTestUser(db, { role: "ADMIN" }),
    supervisor: await createTestUser(db, { role: "SUPERVISOR" }),
    officer: await createTestUser(db, { role: "OFFICER", wardIds: [kmc01.id, jubilee.id] }),
    analyst: await createTestUser(db, { role: "ANALYST" }),
  };
  const tokens = {
    wards: (
      await createApiToken(db, { name: "chatbot", scopes: ["wards:read", "grievance:write"] })
    ).token,
    grievanceOnly: (await createApiToken(db, { name: "filer", scopes: ["grievance:write"] })).token,
    revoked: await (async () => {
      const created = await createApiToken(db, { name: "retired", scopes: ["wards:read"] });
      await revokeApiToken(db, created.record.id);
      return created.token;
    })(),
  };
  return { wards: { kmc01, kmc02, jubilee }, users, tokens };
}

export function trpcClient(origin: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({ url: `${origin}/api/trpc`, transformer: superjson, headers: () => headers }),
    ],
  });
}

export async function asUser(origin: string, userId: string) {
  return trpcClient(origin, { cookie: await sessionCookieFor(userId) });
}

export function asToken(origin: string, token: string) {
  return trpcClient(origin, { authorization: `Bearer ${token}` });
}
