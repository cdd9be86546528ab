import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import type { Role } from "@sunuwai/validators";
import type { NextAuthOptions, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateCredentials } from "./credentials";
import { authEnv } from "./env";
import { loadViewer } from "./viewer";

/** What the dashboard reads from `session.user`, refreshed from the database on every session read. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  wardIds: string[];
};

declare module "next-auth" {
  interface User {
    role: Role;
    wardIds: string[];
  }
  interface Session {
    user: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    wardIds?: string[];
  }
}

/** A staff session lasts one working day. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Thrown by the session callback so next-auth drops the session (getServerSession then yields null). */
export class SessionRevokedError extends Error {
  override readonly name = "SessionRevokedError";
  constructor() {
    super("The user of this session no longer exists or is disabled.");
  }
}

export function createAuthOptions(deps: {
  getDb: () => Db;
  getSecret: () => string;
}): NextAuthOptions {
  return {
    // A getter, so importing this module (e.g. during `next build`) does not require the secret yet.
    get secret() {
      return deps.getSecret();
    },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    // Failed sign-ins land back on the login page with the reason in `?error=`.
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const result = await authenticateCredentials(deps.getDb(), {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
          });
          // next-auth hands a thrown message to the sign-in page as `error` (e.g. "Account locked. …").
          if (!result.ok) throw new Error(result.error);
          const { id, email, name, role, wardIds } = result.user;
          return { id, email, name, role, wardIds };
        },
      }),
    ],
    callbacks: {
      // `user` is only present right after sign-in.
      jwt({ token, user }: { token: JWT; user?: User }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.wardIds = user.wardIds;
        }
        return token;
      },
      async session({ session, token }) {
        const viewer = token.sub ? await loadViewer(deps.getDb(), token.sub) : null;
        if (!viewer) throw new SessionRevokedError();
        const { id, email, name, role, wardIds } = viewer;
        return { ...session, user: { id, email, name, role, wardIds } };
      },
    },
    logger: {
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : metadata.error;
        // A refused session is expected (disabled user): note it without a stack trace.
        if (error instanceof SessionRevokedError) {
          console.info(`[next-auth] session refused: ${error.message}`);
          return;
        }
        console.error(`[next-auth] ${code}: ${error.name}: ${error.message}`);
      },
      warn(code) {
        console.warn(`[next-auth] warning ${code}`);
      },
      debug() {},
    },
  };
}

/** The options for `NextAuth(...)` and `getServerSession(...)` in the web app. */
export const authOptions: NextAuthOptions = createAuthOptions({
  getDb,
  getSecret: () => authEnv().AUTH_SECRET,
});
