import { describe, expect, it } from "vitest";
import { canonicalText } from "../text/normalize";
import { wordsOf } from "../text/words";
import { estimatedSimilarity, minhashOfWords, minhashSignature, similarityText, trigramJaccard } from "./minhash";
import { dayNumber, dayString, NearDuplicateIndex } from "./near-duplicates";

const lead =
  "Residents of Jubilee Hills went without drinking water for a third day on Tuesday after a main pipeline burst near the " +
  "check post. The water board said repairs would take until Thursday and tankers were being sent to the worst-hit lanes.";

describe("MinHash signature", () => {
  it("estimates trigram similarity closely", () => {
    const a = similarityText("Pipeline burst leaves Jubilee Hills dry", lead);
    const b = similarityText("Jubilee Hills dry after pipeline burst", lead.replace("third", "3rd"));
    const exact = trigramJaccard(a, b);
    expect(exact).toBeGreaterThan(0.7);
    expect(Math.abs(estimatedSimilarity(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(0.2);
    const other = similarityText("Cricket team wins final", "The city team won the final by six wickets in front of a packed stadium on Sunday evening.");
    expect(estimatedSimilarity(minhashSignature(a), minhashSignature(other))).toBeLessThan(0.3);
  });
});

describe("NearDuplicateIndex", () => {
  const day = dayNumber("2026-03-04");

  it("links the same story from another outlet with a reworded headline to the first", () => {
    const index = new NearDuplicateIndex();
    expect(index.check(day, { id: "id-a", sha256: "a", title: "Pipeline burst leaves Jubilee Hills dry", body: lead })).toBeNull();
    const found = index.check(day + 1, { id: "id-b", sha256: "b", title: "Jubilee Hills dry after pipeline burst", body: lead });
    expect(found).toMatchObject({ id: "id-a", sha256: "a", reason: "similar" });
  });

  it("links an identical headline even when the leads differ", () => {
    const index = new NearDuplicateIndex();
    index.check(day, { id: "id-a", sha256: "a", title: "Ward office to close for Dashain holidays", body: "Short note one." });
    expect(index.check(day, { id: "id-b", sha256: "b", title: "Ward office to close for Dashain holidays!", body: "Different wording entirely here." })).toMatchObject({
      sha256: "a",
      reason: "title",
    });
  });

  it("keeps different stories, short generic headlines, and stories far apart in time separate", () => {
    const index = new NearDuplicateIndex();
    index.check(day, { id: "id-a", sha256: "a", title: "Pipeline burst leaves Jubilee Hills dry", body: lead });
    expect(index.check(day, { id: "id-b", sha256: "b", title: "Cricket team wins final", body: "The city team won by six wickets." })).toBeNull();
    index.check(day, { id: "id-c", sha256: "c", title: "Editorial", body: "Today we discuss roads." });
    expect(index.check(day, { id: "id-d", sha256: "d", title: "Editorial", body: "Schools reopen after the long holiday break." })).toBeNull();
    expect(index.check(day + 5, { id: "id-e", sha256: "e", title: "Pipeline burst leaves Jubilee Hills dry", body: lead })).toBeNull();
  });

  it("reports which days around a batch still need loading, and forgets old days beyond its capacity", () => {
    const index = new NearDuplicateIndex({ maxEntries: 2 });
    expect(index.missingDays([day])).toEqual([day - 1, day, day + 1]);
    index.loadDay(day, [{ id: "id-x", sha256: "x", title: "Stored story about roads in ward ten", body: lead }]);
    expect(index.missingDays([day])).toEqual([day - 1, day + 1]);
    index.check(day + 10, { id: "id-y", sha256: "y", title: "Another", body: "one" });
    index.check(day + 20, { id: "id-z", sha256: "z", title: "Third", body: "two" });
    expect(index.size).toBeLessThanOrEqual(2);
    expect(index.missingDays([day])).toContain(day);
  });

  it("converts dates to day numbers and back", () => {
    expect(dayString(dayNumber("2024-02-29"))).toBe("2024-02-29");
  });
});

describe("minhashOfWords", () => {
  it("gives the signature of the similarity text without building it, the lead cut at its length", () => {
    const long = `${lead} ${lead} ${lead}`;
    for (const [title, body] of [
      ["Pipeline burst leaves Jubilee Hills dry", lead],
      ["Pipeline burst leaves Jubilee Hills dry", long],
      ["", long],
      ["Headline only", ""],
      ["काठमाडौँ-१०मा खानेपानी अभाव", "स्थानीयले गुनासो गरे। वडा नं. १० मा सडक"],
    ] as const) {
      const expected = minhashSignature(similarityText(title, body));
      expect(minhashOfWords(wordsOf(canonicalText(title)), wordsOf(canonicalText(body)))).toEqual(expected);
    }
  });
});
