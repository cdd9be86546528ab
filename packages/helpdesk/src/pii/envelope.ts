import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@sunuwai/validators/errors";
import type { KeyRing } from "./keys";

/**
 * Envelope: [version=1][key id length][key id utf-8][iv 12][tag 16][ciphertext].
 * The header and the caller's context (e.g. "complainant:<id>:phone") are authenticated as AAD, so a value
 * moved to another row or column, or relabelled with another key id, fails to decrypt.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, "utf8");
  return Buffer.concat([Buffer.from([VERSION, id.length]), id]);
}

export function encryptValue(ring: KeyRing, plaintext: string, context: string): Buffer {
  const head = header(ring.current.id);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.concat([head, Buffer.from(context, "utf8")]));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([head, iv, cipher.getAuthTag(), ciphertext]);
}

/** The key id an envelope names, or null when the bytes are not an envelope. */
export function envelopeKeyId(envelope: Uint8Array): string | null {
  if (envelope.length < 2 || envelope[0] !== VERSION) return null;
  const idLength = envelope[1] ?? 0;
  if (envelope.length < 2 + idLength + IV_BYTES + TAG_BYTES) return null;
  return Buffer.from(envelope.subarray(2, 2 + idLength)).toString("utf8");
}

/** A value that cannot be opened: names the key and context, never any plaintext or key material. */
function undecryptable(context: string, why: string): AppError {
  return new AppError(
    "INTERNAL",
    `Stored personal data could not be decrypted (${context}): ${why}`,
  );
}

export function decryptValue(ring: KeyRing, envelope: Uint8Array, context: string): string {
  const bytes = Buffer.from(envelope);
  const keyId = envelopeKeyId(bytes);
  if (keyId === null) throw undecryptable(context, "not a recognised envelope");
  const key = ring.byId.get(keyId);
  if (!key) throw undecryptable(context, `key "${keyId}" is not in PII_ENCRYPTION_KEYS`);
  const headLength = 2 + Buffer.byteLength(keyId, "utf8");
  const iv = bytes.subarray(headLength, headLength + IV_BYTES);
  const tag = bytes.subarray(headLength + IV_BYTES, headLength + IV_BYTES + TAG_BYTES);
  const ciphertext = bytes.subarray(headLength + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
  decipher.setAAD(Buffer.concat([bytes.subarray(0, headLength), Buffer.from(context, "utf8")]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw undecryptable(context, "the value was altered or belongs elsewhere");
  }
}
