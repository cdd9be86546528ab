import { canonicalText, keyTokens } from "./normalize";

/** Words of `text` in match form (see `keyTokens`). */
export function tokenize(text: string): string[] {
  return keyTokens(canonicalText(text));
}

/** Indic scripts (Devanagari … Malayalam) write postpositions and case endings onto the word: काठमाडौंमा, హిల్స్‌లో. */
function isIndicCode(code: number): boolean {
  return code >= 0x0900 && code <= 0x0dff;
}

export function startsIndic(text: string): boolean {
  return text.length > 0 && isIndicCode(text.charCodeAt(0));
}

/** True when a word ends in an Indic letter or sign, i.e. it may carry an Indic ending. */
export function endsIndic(text: string): boolean {
  return text.length > 0 && isIndicCode(text.charCodeAt(text.length - 1));
}
