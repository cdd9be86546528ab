import { describe, expect, it } from "vitest";
import { Gazetteer } from "./gazetteer";

const wards = [
  { id: "kmc-1", code: "KMC-01", name: "Kathmandu Ward 1", localName: "काठमाडौं वडा नं. १", aliases: ["काठमाडौं-१", "वडा नं. १"] },
  { id: "kmc-10", code: "KMC-10", name: "Kathmandu Ward 10", localName: "काठमाडौं वडा नं. १०", aliases: ["काठमाडौं-१०", "काठमाडौँ-१०", "वडा नं. १०"] },
  { id: "jh", code: "WARD_001", name: "Jubilee Hills", localName: "జూబ్లీ హిల్స్", aliases: ["Jubilee Hills", "జూబ్లీహిల్స్"] },
  { id: "bh", code: "WARD_002", name: "Banjara Hills", localName: "బంజారా హిల్స్", aliases: ["Banjara Hills", "Hills Area"] },
  { id: "kh", code: "WARD_003", name: "Khairatabad", localName: "ఖైరతాబాద్", aliases: ["Hills Area"] },
];
const gazetteer = new Gazetteer(wards);

describe("Gazetteer", () => {
  it("matches a Devanagari local name with its digits, and does not read ward 10 as ward 1", () => {
    expect(gazetteer.matchText("काठमाडौं वडा नं. १० मा खानेपानी अभाव", "")).toBe("kmc-10");
    expect(gazetteer.matchText("वडा नं. १ मा सडक मर्मत", "")).toBe("kmc-1");
    expect(gazetteer.matchText("Ward 100 meeting", "काठमाडौं-१००")).toBeNull();
  });

  it("accepts a Nepali case ending on the last word and the chandrabindu spelling", () => {
    expect(gazetteer.matchText("काठमाडौँ-१०मा फोहोर थुप्रियो", "")).toBe("kmc-10");
  });

  it("matches Telugu names written apart or joined, with a case ending and a zero-width non-joiner", () => {
    expect(gazetteer.matchText("జూబ్లీ హిల్స్‌లో నీటి కొరత", "")).toBe("jh");
    expect(gazetteer.matchText("వార్తలు", "జూబ్లీహిల్స్లో రోడ్డు పనులు")).toBe("jh");
    expect(gazetteer.matchText("బంజారా హిల్స్ నుంచి", "")).toBe("bh");
  });

  it("matches Latin names case-insensitively, but not inside other words", () => {
    expect(gazetteer.matchText("Traffic jam in JUBILEE HILLS", "")).toBe("jh");
    expect(gazetteer.matchText("Khairatabadi food", "")).toBeNull();
  });

  it("leaves out a spelling two wards share", () => {
    expect(gazetteer.matchText("Trouble in the Hills Area", "")).toBeNull();
  });

  it("prefers the ward named in the headline over one named once in the body", () => {
    expect(gazetteer.matchText("Banjara Hills roads", "A resident of Jubilee Hills said …")).toBe("bh");
  });

  it("uses an explicit ward code first, then the ward field as a name, then the text", () => {
    expect(gazetteer.assign({ ward: "ward_003", title: "Jubilee Hills", body: "" })).toBe("kh");
    expect(gazetteer.assign({ ward: "Banjara Hills", title: "Jubilee Hills", body: "" })).toBe("bh");
    expect(gazetteer.assign({ ward: "UNKNOWN", title: "Jubilee Hills", body: "" })).toBe("jh");
    expect(gazetteer.assign({ ward: null, title: "Kathmandu city news", body: "" })).toBeNull();
  });
});
