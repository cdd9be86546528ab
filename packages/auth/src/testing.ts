import { randomUUID } from "node:crypto";
import { hashPassword } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import type { Role } from "@sunuwai/validators";
import { encode } from "next-auth/jwt";
import { authEnv } from "./env";
import { SESSION_MAX_AGE_SECONDS } from "./next-auth";

/** Test helpers shared by the packages that test authentication and authorisation against a real database. */

export type TestUser = { id: string; email: string; password: string; role: Role };

export async function createTestUser(
  db: Db,
  options: {
    role: Role;
    email?: string;
    name?: string;
    password?: string;
    wardIds?: string[];
    disabled?: boolean;
  },
): Promise<TestUser> {
  const email =
    options.email ?? `${options.role.toLowerCase()}-${randomUUID().slice(0, 8)}@sunuwai.test`;
  const password = options.password ?? `pw-${randomUUID()}`;
  const user = await db.user.create({
    data: {
      email,
      name: options.name ?? `Test ${options.role.toLowerCase()}`,
      role: options.role,
      passwordHash: await hashPassword(password),
      disabledAt: options.disabled ? new Date() : null,
      jurisdictions: { create: (options.wardIds ?? []).map((wardId) => ({ wardId })) },
    },
    select: { id: true },
  });
  return { id: user.id, email, password, role: options.role };
}

export async function createTestWard(
  db: Db,
  options: {
    code: string;
    name?: string;
    localName?: string | null;
    municipality?: string;
    country?: string;
  },
): Promise<{ id: string; code: string }> {
  return db.ward.create({
    data: {
      code: options.code,
      name: options.name ?? `Ward ${options.code}`,
      localName: options.localName ?? null,
      municipality: options.municipality ?? "Kathmandu Metropolitan City",
      district: "Kathmandu",
      province: "Bagmati",
      country: options.country ?? "NP",
      aliases: [],
    },
    select: { id: true, code: true },
  });
}

/** A `Cookie` header value holding a next-auth session for the user, as the browser would send it. */
export async function sessionCookieFor(
  userId: string,
  options: { secret?: string; maxAge?: number } = {},
): Promise<string> {
  const token = await encode({
    token: { sub: userId },
    secret: options.secret ?? authEnv().AUTH_SECRET,
    maxAge: options.maxAge ?? SESSION_MAX_AGE_SECONDS,
  });
  return `next-auth.session-token=${token}`;
}
