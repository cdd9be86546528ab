import { matchKey } from "./normalize";

/** Words of `text` in match form (see `matchKey`). */
export function tokenize(text: string): string[] {
  const key = matchKey(text);
  return key === "" ? [] : key.split(" ");
}

/** Indic scripts (Devanagari … Malayalam) write postpositions and case endings onto the word: काठमाडौंमा, హిల్స్‌లో. */
function isIndicCode(code: number): boolean {
  return code >= 0x0900 && code <= 0x0dff;
}

export function startsIndic(text: string): boolean {
  return text.length > 0 && isIndicCode(text.charCodeAt(0));
}

export function containsIndic(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isIndicCode(text.charCodeAt(i))) return true;
  return false;
}
