import { verifyPassword } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { credentialsSchema } from "@sunuwai/validators";
import type { UserViewer } from "@sunuwai/validators";
import { loadViewer } from "./viewer";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const INVALID_CREDENTIALS = "Invalid email or password.";
export const ACCOUNT_DISABLED = "This account is disabled. Ask an administrator to enable it.";

export function accountLockedMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Account locked. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export type AuthenticationResult = { ok: true; user: UserViewer } | { ok: false; error: string };

// An argon2id hash (same parameters as real ones) of a password nobody has: unknown emails cost the same time.
const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$D+0TlNPHXYwghx6cOUno0w$7L723xyZJ45BYcTWCdSyPEwL0659F1+p7Fl9lpScShE";

type ClaimedAttempt = {
  id: string;
  passwordHash: string;
  disabledAt: Date | null;
  failedLoginCount: number;
};

/**
 * Checks an email and password. Each attempt is counted as a failure *before* the password is checked (one atomic
 * UPDATE that also refuses locked accounts), so parallel guesses cannot slip past the limit while argon2 runs;
 * a correct password then clears the count.
 */
export async function authenticateCredentials(
  db: Db,
  input: { email: string; password: string },
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: INVALID_CREDENTIALS };
  const { email, password } = parsed.data;

  const attempt = await claimLoginAttempt(db, email, now);
  if (!attempt) {
    const lockedUntil = await currentLock(db, email);
    if (lockedUntil) return { ok: false, error: accountLockedMessage(lockedUntil, now) };
    await verifyPassword(DUMMY_PASSWORD_HASH, password);
    return { ok: false, error: INVALID_CREDENTIALS };
  }
  if (attempt.failedLoginCount > MAX_FAILED_LOGINS) {
    // More attempts in flight than the limit allows: lock without spending a password check.
    const lockedUntil = await lockIfOverLimit(db, attempt.id, now);
    return { ok: false, error: accountLockedMessage(lockedUntil ?? lockEnd(now), now) };
  }

  if (!(await verifyPassword(attempt.passwordHash, password))) {
    const lockedUntil = await lockIfOverLimit(db, attempt.id, now);
    return {
      ok: false,
      error: lockedUntil ? accountLockedMessage(lockedUntil, now) : INVALID_CREDENTIALS,
    };
  }

  if (attempt.disabledAt) {
    await db.$executeRaw`UPDATE "User" SET "failedLoginCount" = 0 WHERE "id" = ${attempt.id}::uuid`;
    return { ok: false, error: ACCOUNT_DISABLED };
  }
  await db.$executeRaw`
    UPDATE "User" SET "failedLoginCount" = 0, "lockedUntil" = NULL, "lastLoginAt" = ${now.toISOString()}::timestamptz
    WHERE "id" = ${attempt.id}::uuid`;
  const user = await loadViewer(db, attempt.id);
  return user ? { ok: true, user } : { ok: false, error: ACCOUNT_DISABLED };
}

function lockEnd(now: Date): Date {
  return new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
}

/** Counts the attempt unless the account is locked; an expired lock starts a fresh count. Null: unknown or locked. */
async function claimLoginAttempt(db: Db, email: string, now: Date): Promise<ClaimedAttempt | null> {
  const rows = await db.$queryRaw<ClaimedAttempt[]>`
    UPDATE "User"
    SET "failedLoginCount" = CASE WHEN "lockedUntil" IS NULL THEN "failedLoginCount" + 1 ELSE 1 END,
        "lockedUntil" = NULL
    WHERE "email" = ${email}
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now.toISOString()}::timestamptz)
    RETURNING "id", "passwordHash", "disabledAt", "failedLoginCount"`;
  return rows[0] ?? null;
}

async function currentLock(db: Db, email: string): Promise<Date | null> {
  const user = await db.user.findUnique({ where: { email }, select: { lockedUntil: true } });
  return user?.lockedUntil ?? null;
}

/** Locks the account when the failures counted so far reach the limit; returns the lock's end, if any. */
async function lockIfOverLimit(db: Db, userId: string, now: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    UPDATE "User"
    SET "lockedUntil" = CASE WHEN "failedLoginCount" >= ${MAX_FAILED_LOGINS}
                             THEN ${lockEnd(now).toISOString()}::timestamptz ELSE "lockedUntil" END
    WHERE "id" = ${userId}::uuid
    RETURNING "lockedUntil"`;
  const lockedUntil = rows[0]?.lockedUntil ?? null;
  return lockedUntil && lockedUntil > now ? lockedUntil : null;
}
