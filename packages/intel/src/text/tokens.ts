import { canonicalText, keyTokens } from "./normalize";

/** Words of `text` in match form (see `keyTokens`). */
export function tokenize(text: string): string[] {
  return keyTokens(canonicalText(text));
}

/** Indic scripts (Devanagari … Malayalam) write postpositions and case endings onto the word: काठमाडौंमा, హిల్స్‌లో. */
export function isIndicCode(code: number): boolean {
  return code >= 0x0900 && code <= 0x0dff;
}
