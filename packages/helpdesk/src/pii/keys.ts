import { z } from "zod";

export interface EncryptionKey {
  /** Written into every envelope, so a value always names the key that can open it. */
  id: string;
  key: Buffer;
}

/** The current key (encrypts) and every older key still accepted for decryption. */
export interface KeyRing {
  current: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Raised when a PII key variable is missing or malformed; the message says what to fix, never the key. */
export class PiiKeyConfigError extends Error {
  override readonly name = "PiiKeyConfigError";
}

const keyEntry = z.string().transform((entry, ctx): EncryptionKey => {
  const colon = entry.indexOf(":");
  const id = colon === -1 ? "" : entry.slice(0, colon).trim();
  const encoded = colon === -1 ? "" : entry.slice(colon + 1).trim();
  if (!KEY_ID.test(id)) {
    ctx.addIssue({
      code: "custom",
      message: 'each entry must be "<id>:<base64 key>" with an id of letters, digits, _ or -',
    });
    return z.NEVER;
  }
  const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
  if (key.length !== 32) {
    ctx.addIssue({
      code: "custom",
      message: `key "${id}" must be base64 of exactly 32 bytes (got ${key.length} bytes)`,
    });
    return z.NEVER;
  }
  return { id, key };
});

/** Parses `PII_ENCRYPTION_KEYS`: "<id>:<base64 32 bytes>[,<older id>:<key>…]", the first is current. */
export function parseKeyRing(text: string | undefined): KeyRing {
  if (!text?.trim()) {
    throw new PiiKeyConfigError(
      'PII_ENCRYPTION_KEYS is not set. Expected "<id>:<base64 of 32 bytes>" (e.g. k1:$(openssl rand -base64 32)); ' +
        "`pnpm start` generates one under DATA_DIR when it is unset.",
    );
  }
  const parsed = z
    .array(keyEntry)
    .min(1)
    .safeParse(
      text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    );
  if (!parsed.success) {
    throw new PiiKeyConfigError(
      `PII_ENCRYPTION_KEYS is malformed: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const byId = new Map<string, EncryptionKey>();
  for (const key of parsed.data) {
    if (byId.has(key.id))
      throw new PiiKeyConfigError(`PII_ENCRYPTION_KEYS lists key id "${key.id}" twice`);
    byId.set(key.id, key);
  }
  const [current] = parsed.data;
  if (!current) throw new PiiKeyConfigError("PII_ENCRYPTION_KEYS holds no key");
  return { current, byId };
}

/** Parses `PII_BLIND_INDEX_KEY`: base64 of at least 32 bytes, kept apart from the encryption keys. */
export function parseBlindIndexKey(text: string | undefined): Buffer {
  if (!text?.trim()) {
    throw new PiiKeyConfigError(
      "PII_BLIND_INDEX_KEY is not set. Expected base64 of 32 or more random bytes (e.g. $(openssl rand -base64 32)).",
    );
  }
  const encoded = text.trim();
  const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
  if (key.length < 32) {
    throw new PiiKeyConfigError(
      `PII_BLIND_INDEX_KEY must be base64 of at least 32 bytes (got ${key.length} bytes)`,
    );
  }
  return key;
}
