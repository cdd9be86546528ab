import { env } from "../env";
import { emailBlindIndex, phoneBlindIndex } from "./blind-index";
import { decryptValue, encryptValue } from "./envelope";
import { parseBlindIndexKey, parseKeyRing } from "./keys";
import type { KeyRing } from "./keys";

/** Everything that touches PII key material: encryption under the current key and blind indexes. */
export interface PiiVault {
  readonly currentKeyId: string;
  /** Whether `keyId` is in the ring (rotation needs every old key a row may still use). */
  hasKey(keyId: string): boolean;
  encrypt(plaintext: string, context: string): Buffer;
  decrypt(envelope: Uint8Array, context: string): string;
  phoneIndex(phone: string): string;
  emailIndex(email: string): string;
}

export function createPiiVault(config: {
  encryptionKeys: string | undefined;
  blindIndexKey: string | undefined;
}): PiiVault {
  const ring: KeyRing = parseKeyRing(config.encryptionKeys);
  const indexKey = parseBlindIndexKey(config.blindIndexKey);
  return {
    currentKeyId: ring.current.id,
    hasKey: (keyId) => ring.byId.has(keyId),
    encrypt: (plaintext, context) => encryptValue(ring, plaintext, context),
    decrypt: (envelope, context) => decryptValue(ring, envelope, context),
    phoneIndex: (phone) => phoneBlindIndex(indexKey, phone),
    emailIndex: (email) => emailBlindIndex(indexKey, email),
  };
}

let processVault: PiiVault | undefined;

/** The vault built from PII_ENCRYPTION_KEYS and PII_BLIND_INDEX_KEY, parsed on first use. */
export function getPiiVault(): PiiVault {
  processVault ??= createPiiVault({
    encryptionKeys: env.PII_ENCRYPTION_KEYS,
    blindIndexKey: env.PII_BLIND_INDEX_KEY,
  });
  return processVault;
}
