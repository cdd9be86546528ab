import { describe, expect, it } from "vitest";
import { canonicalText } from "./normalize";
import { joinWords, wordHash, wordsOf, wordStrings } from "./words";

/** The definition the scanner implements: lower-case, fold chandrabindu and native digits, runs of \p{L}\p{M}\p{N}. */
function referenceWords(text: string): string[] {
  const folded = canonicalText(text)
    .toLowerCase()
    .replace(/\u0901/gu, "\u0902")
    .replace(/[\u0966-\u096F]/gu, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/[\u0C66-\u0C6F]/gu, (d) => String(d.charCodeAt(0) - 0x0c66));
  return folded.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

const samples = [
  "Water supply cut in Ward 10, Kathmandu!",
  "काठमाडौँ-१०मा खानेपानी अभाव; वडा नं. १२ मा सडक",
  "జూబ్లీ హిల్స్‌లో నీటి కొరత ౧౨ రోజులు",
  "Café — naïve ÉCOLE 𝐀𝐁𝐂 😀 emoji, a lone \ud800 surrogate",
  "",
  "   ",
];

describe("wordsOf", () => {
  it("cuts the same words as the regular-expression definition, in every script", () => {
    for (const sample of samples) expect(wordStrings(wordsOf(canonicalText(sample)))).toEqual(referenceWords(sample));
  });

  it("agrees with the definition on random mixes of letters, marks, digits, spaces and punctuation", () => {
    const alphabet = ["a", "Z", "7", " ", "-", ".", "१", "౩", "\u0901", "क", "ा", "\u200c", "é", "İ", "ß", "😀", "𝐀", "\ud800", "\u00a0", "٣", "Ⅻ"];
    let seed = 11;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 2000; n++) {
      let text = "";
      for (let k = Math.floor(random() * 12); k > 0; k--) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(wordStrings(wordsOf(canonicalText(text)))).toEqual(referenceWords(text));
    }
  });

  it("hashes each word as wordHash does, and joins a headline's words with single spaces", () => {
    const list = wordsOf(canonicalText("वडा नं. १० — Water CUT"));
    expect(joinWords(list)).toBe("वडा नं 10 water cut");
    for (let i = 0; i < list.count; i++) expect(list.spans[3 * i + 2]).toBe(wordHash(wordStrings(list)[i] ?? ""));
  });
});
