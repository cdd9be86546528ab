import { createHmac } from "node:crypto";
import { normaliseEmail, normalisePhone } from "./normalise";

/** Keyed, deterministic index: equal values match, but the index reveals nothing without the key. */
function hmac(key: Buffer, kind: string, value: string): string {
  // The kind prefix keeps a phone and an email with the same text from sharing an index.
  return createHmac("sha256", key).update(`${kind}\u0000${value}`, "utf8").digest("hex");
}

export function phoneBlindIndex(key: Buffer, phone: string): string {
  return hmac(key, "phone", normalisePhone(phone));
}

export function emailBlindIndex(key: Buffer, email: string): string {
  return hmac(key, "email", normaliseEmail(email));
}
