import { normaliseEmail, normalisePhone } from "./normalise";
import type { PiiVault } from "./vault";

export interface ComplainantPii {
  name: string;
  /** E.164 once stored. */
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** The encrypted columns of a `Complainant` row. */
export interface ComplainantPiiColumns {
  nameCipher: Uint8Array<ArrayBuffer>;
  phoneCipher: Uint8Array<ArrayBuffer> | null;
  emailCipher: Uint8Array<ArrayBuffer> | null;
  addressCipher: Uint8Array<ArrayBuffer> | null;
  keyId: string;
  phoneBlindIndex: string | null;
  emailBlindIndex: string | null;
  phoneLast3: string | null;
}

export type PiiField = "name" | "phone" | "email" | "address";
export const PII_FIELDS: readonly PiiField[] = ["name", "phone", "email", "address"];

/** Binds each ciphertext to its row and column (authenticated as AAD). */
export function piiContext(complainantId: string, field: PiiField): string {
  return `complainant:${complainantId}:${field}`;
}

/** Prisma's Bytes type wants a plain ArrayBuffer-backed view; Node's Buffer may sit on a shared pool. */
function bytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(buffer.length);
  copy.set(buffer);
  return copy;
}

/** Normalises and encrypts a complainant's personal data under the vault's current key. */
export function encryptComplainantPii(
  vault: PiiVault,
  complainantId: string,
  pii: { name: string; phone?: string | null; email?: string | null; address?: string | null },
): ComplainantPiiColumns {
  const phone = pii.phone ? normalisePhone(pii.phone) : null;
  const email = pii.email?.trim() ? normaliseEmail(pii.email) : null;
  const address = pii.address?.trim() ? pii.address.trim() : null;
  const seal = (value: string | null, field: PiiField) =>
    value === null ? null : bytes(vault.encrypt(value, piiContext(complainantId, field)));
  return {
    nameCipher: bytes(vault.encrypt(pii.name.trim(), piiContext(complainantId, "name"))),
    phoneCipher: seal(phone, "phone"),
    emailCipher: seal(email, "email"),
    addressCipher: seal(address, "address"),
    keyId: vault.currentKeyId,
    phoneBlindIndex: phone ? vault.phoneIndex(phone) : null,
    emailBlindIndex: email ? vault.emailIndex(email) : null,
    phoneLast3: phone ? phone.slice(-3) : null,
  };
}

export function decryptComplainantPii(
  vault: PiiVault,
  row: {
    id: string;
    nameCipher: Uint8Array;
    phoneCipher: Uint8Array | null;
    emailCipher: Uint8Array | null;
    addressCipher: Uint8Array | null;
  },
): ComplainantPii {
  const open = (value: Uint8Array | null, field: PiiField) =>
    value === null ? null : vault.decrypt(value, piiContext(row.id, field));
  return {
    name: vault.decrypt(row.nameCipher, piiContext(row.id, "name")),
    phone: open(row.phoneCipher, "phone"),
    email: open(row.emailCipher, "email"),
    address: open(row.addressCipher, "address"),
  };
}
