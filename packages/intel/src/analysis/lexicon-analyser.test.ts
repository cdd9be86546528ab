import { describe, expect, it } from "vitest";
import { LexiconAnalyser } from "./lexicon-analyser";

const analyser = new LexiconAnalyser();
const analyse = (title: string, body = "", extra: { country?: string; party?: string } = {}) =>
  analyser.analyseOne({ title, body, language: null, country: extra.country ?? null, party: extra.party ?? null });

describe("LexiconAnalyser sentiment", () => {
  it("scores English praise positive and complaints negative", () => {
    expect(analyse("New bridge inaugurated, residents happy with the improvement").sentiment).toBeGreaterThan(0.5);
    expect(analyse("Garbage crisis: protests and anger over failed collection").sentiment).toBeLessThan(-0.5);
    expect(analyse("Council meets on Tuesday").sentiment).toBe(0);
  });

  it("flips a word after an English negator", () => {
    expect(analyse("The service is not good").sentiment).toBeLessThan(0);
    expect(analyse("No corruption found in the audit").sentiment).toBeGreaterThan(0);
  });

  it("scores Nepali and Hindi, with the negator after the word it negates", () => {
    expect(analyse("सडक निर्माण सफल, स्थानीय खुसी").sentiment).toBeGreaterThan(0);
    expect(analyse("खानेपानी अभाव र फोहोरको समस्या").sentiment).toBeLessThan(0);
    expect(analyse("सडकको अवस्था राम्रो छैन").sentiment).toBeLessThan(0);
    expect(analyse("पानी की व्यवस्था अच्छी नहीं है").sentiment).toBeLessThan(0);
  });

  it("scores Telugu", () => {
    expect(analyse("జూబ్లీ హిల్స్‌లో నీటి కొరత, ప్రజల ఆగ్రహం").sentiment).toBeLessThan(0);
  });

  it("stays within -1 … 1", () => {
    const { sentiment } = analyse("bad worse worst failure crisis death murder chaos fraud scam");
    expect(sentiment).toBeGreaterThanOrEqual(-1);
    expect(sentiment).toBeLessThan(0);
  });
});

describe("LexiconAnalyser topics and parties", () => {
  it("finds topics in English and Nepali, headline words counting double", () => {
    expect(analyse("Potholes everywhere on the main road").topics[0]).toBe("roads");
    expect(analyse("खानेपानी आपूर्ति ठप्प").topics).toContain("water");
    expect(analyse("Mayor speaks", "one mention of water").topics).toEqual([]);
  });

  it("uses the source's party label, normalised to a known name", () => {
    expect(analyse("Rally", "", { party: "bjp" }).party).toBe("BJP");
    expect(analyse("Rally", "", { party: "Some Local Front" }).party).toBe("Some Local Front");
  });

  it("names the most mentioned party, reading 'Congress' by the ward's country", () => {
    expect(analyse("BJP and Congress clash", "The BJP said …", { country: "IN" }).party).toBe("BJP");
    expect(analyse("Congress meeting", "", { country: "NP" }).party).toBe("Nepali Congress");
    expect(analyse("Congress meeting", "", { country: "IN" }).party).toBe("INC");
    expect(analyse("Congress meeting").party).toBeNull();
    expect(analyse("एमाले र माओवादी बीच सहमति", "एमालेका नेता").party).toBe("CPN-UML");
  });

  it("records which analyser produced the result", () => {
    expect(analyser.id).toBe("lexicon:v1");
  });
});
