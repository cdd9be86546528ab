import { parsePhoneNumberFromString } from "libphonenumber-js/max";

const DOT = "•";

/** `+9779841234567` → `98•••••567`: first two and last three digits of the national number. */
export function maskPhone(e164: string): string {
  const digits = parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/\D/g, "");
  if (digits.length <= 5) return DOT.repeat(digits.length);
  return `${digits.slice(0, 2)}${DOT.repeat(digits.length - 5)}${digits.slice(-3)}`;
}

/** `ram@example.com` → `r•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return `${DOT.repeat(3)}`;
  return `${email.slice(0, 1)}${DOT.repeat(3)}${email.slice(at)}`;
}

/** `Ram Bahadur Thapa` → `R••• B••• T•••`: enough to recognise a person in a conversation, not to identify them. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${Array.from(word)[0] ?? ""}${DOT.repeat(3)}`)
    .join(" ");
}

/** Addresses are hidden entirely; the municipality (stored in the clear) gives staff the locality. */
export function maskAddress(address: string): string {
  return address.trim() ? DOT.repeat(6) : "";
}
