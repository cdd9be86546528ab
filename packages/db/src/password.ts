import { createHash } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id profile (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** API tokens are high-entropy random strings, so a plain sha256 is the right stored form (and indexable). */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
