import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { AppError } from "@sunuwai/validators/errors";

/**
 * Normalises a phone number to E.164.
 *
 * - `+…` or `00…` (international prefix): read as written, e.g. `+977-9841234567`, `009779841234567`.
 * - Anything else is a national number and needs a country. Nepal is tried first, India second: the number is
 *   Nepali if it is a valid Nepali number (mobiles 96x/97x/98x such as 9841234567, landlines with the trunk 0
 *   such as 01-4412345), otherwise Indian if it is a valid Indian number (mobiles starting 6–9 such as
 *   9876543210, or 91 + ten digits). Indian mobiles that are also valid Nepali mobiles (e.g. 98 4…) are read as
 *   Nepali; Indian callers with such a number must write the +91. Whatever is neither is refused.
 */
export function normalisePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s().-]/g, "");
  const international = compact.startsWith("+")
    ? compact
    : compact.startsWith("00")
      ? `+${compact.slice(2)}`
      : null;
  if (international) {
    const parsed = parsePhoneNumberFromString(international);
    if (parsed?.isPossible()) return parsed.number;
  } else if (/^\d{6,15}$/.test(compact)) {
    for (const country of ["NP", "IN"] as const) {
      const parsed = parsePhoneNumberFromString(compact, country);
      if (parsed?.isValid()) return parsed.number;
    }
  }
  throw new AppError(
    "VALIDATION",
    "Enter a valid phone number: a Nepali or Indian number, or an international one starting with +",
  );
}

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
