import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { canUseSection } from "@sunuwai/auth";
import { authOptions } from "@sunuwai/auth/next-auth";
import type { Section, UserViewer } from "@sunuwai/validators";
import { PATHNAME_HEADER } from "./pathname-header";

/**
 * The signed-in staff member. next-auth's session callback re-reads the user from the database on every
 * call and drops the session of a disabled or deleted user, so this never trusts the cookie alone.
 * Cached per request so the layouts and the page share one lookup.
 */
export const getViewer = cache(async (): Promise<UserViewer | null> => {
  // Per-request by nature: tell Next before anything reads the secret, so no page is prerendered at build time.
  await connection();
  const session = await getServerSession(authOptions);
  if (!session?.user.id) return null;
  const { id, email, name, role, wardIds } = session.user;
  return { kind: "user", id, email, name, role, wardIds };
});

export function loginPath(callbackPath: string): string {
  return `/login?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** The viewer, or a redirect to the login page that comes back to `callbackPath`. */
export async function requireViewer(callbackPath: string): Promise<UserViewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(loginPath(callbackPath));
  return viewer;
}

/** The path and query this request asked for, as src/proxy.ts recorded it. */
export async function requestedPath(fallback: string): Promise<string> {
  return (await headers()).get(PATHNAME_HEADER) ?? fallback;
}

/** The viewer when their role may open `section`; HTTP 403 (app/forbidden.tsx) when it may not. */
export async function requireSection(section: Section): Promise<UserViewer> {
  const viewer = await requireViewer(await requestedPath(`/${section}`));
  if (!canUseSection(viewer.role, section)) forbidden();
  return viewer;
}
