import { describe, expect, it } from "vitest";
import { articleSha256, canonicalText, matchKey, titleHash } from "./normalize";

const article = { publicationName: "Kantipur", publicationDate: "2026-03-04", title: "Road works stall", body: "The road\nis closed." };

describe("articleSha256", () => {
  it("ignores whitespace differences, invisible characters and Unicode normalisation form", () => {
    const base = articleSha256(article);
    expect(articleSha256({ ...article, title: "  Road   works\tstall ", body: "The road is closed." })).toBe(base);
    expect(articleSha256({ ...article, body: "The road\r\n  is\u200b closed.\n" })).toBe(base);
    // "é" precomposed (NFC) and decomposed (NFD) hash alike.
    const nfc = articleSha256({ ...article, title: "Caf\u00e9 closed" });
    expect(articleSha256({ ...article, title: "Cafe\u0301 closed" })).toBe(nfc);
  });

  it("changes with any field that carries meaning", () => {
    const base = articleSha256(article);
    expect(articleSha256({ ...article, publicationName: "Himalayan Times" })).not.toBe(base);
    expect(articleSha256({ ...article, publicationDate: "2026-03-05" })).not.toBe(base);
    expect(articleSha256({ ...article, title: "Road works resume" })).not.toBe(base);
    expect(articleSha256({ ...article, body: "The road is open." })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("match keys", () => {
  it("reads Devanagari and Telugu digits as ASCII digits", () => {
    expect(matchKey("वडा नं. १०")).toBe("वडा नं 10");
    expect(matchKey("౧౨")).toBe("12");
  });

  it("folds case, punctuation and the chandrabindu/anusvara spelling variant", () => {
    expect(matchKey("काठमाडौँ-१०, Ward")).toBe(matchKey("काठमाडौं १० ward"));
    expect(canonicalText(" a \n b ")).toBe("a b");
  });

  it("gives the same title hash to the same headline with other punctuation or case", () => {
    expect(titleHash("Metro: Water supply cut for 3 days!")).toBe(titleHash("metro — water supply cut for 3 days"));
    expect(titleHash("Water supply cut")).not.toBe(titleHash("Water supply restored"));
  });
});
