import type { Db } from "@sunuwai/db";
import type { Viewer } from "@sunuwai/validators";
import { decode } from "next-auth/jwt";
import { viewerFromApiToken } from "./api-tokens";
import { authEnv } from "./env";
import { readSessionToken } from "./session-cookie";
import { loadViewer } from "./viewer";

/** The user id inside a next-auth session token, or null when it is forged, expired or not ours. */
export async function userIdFromSessionToken(
  token: string,
  secret: string = authEnv().AUTH_SECRET,
): Promise<string | null> {
  try {
    const payload = await decode({ token, secret });
    return typeof payload?.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}

/**
 * Who sent a request: an API token (`Authorization: Bearer …`) or a next-auth session cookie, re-checked against
 * the database each time so revoked tokens and disabled users are refused at once. Works on any fetch `Request`.
 */
export async function viewerFromRequest(
  db: Db,
  req: Request,
  now: Date = new Date(),
): Promise<Viewer | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    // A request that names a credential is judged by it alone, never by a cookie that happens to ride along.
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    return bearer ? viewerFromApiToken(db, bearer, now) : null;
  }
  const sessionToken = readSessionToken(req.headers.get("cookie"));
  if (!sessionToken) return null;
  const userId = await userIdFromSessionToken(sessionToken);
  return userId ? loadViewer(db, userId) : null;
}
