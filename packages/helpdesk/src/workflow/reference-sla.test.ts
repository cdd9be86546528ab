import { describe, expect, it } from "vitest";
import { referenceYear } from "./reference";
import { NEPAL_GRM_SLA, slaDueAt } from "./sla";

describe("reference years", () => {
  it("starts the year at midnight in Kathmandu, not in UTC", () => {
    const kathmanduNewYear = new Date("2025-12-31T18:20:00Z"); // 00:05 on 1 January in Kathmandu (UTC+5:45)
    expect(referenceYear(kathmanduNewYear, "Asia/Kathmandu")).toBe(2026);
    expect(referenceYear(kathmanduNewYear, "UTC")).toBe(2025);
  });
});

describe("SLA due times", () => {
  const start = new Date("2026-03-01T10:00:00Z");
  it("gives 2, 7 and 15 days at levels 1–3 and no clock at level 4", () => {
    expect(slaDueAt(1, start, NEPAL_GRM_SLA)).toEqual(new Date("2026-03-03T10:00:00Z"));
    expect(slaDueAt(2, start, NEPAL_GRM_SLA)).toEqual(new Date("2026-03-08T10:00:00Z"));
    expect(slaDueAt(3, start, NEPAL_GRM_SLA)).toEqual(new Date("2026-03-16T10:00:00Z"));
    expect(slaDueAt(4, start, NEPAL_GRM_SLA)).toBeNull();
  });

  it("follows a configured policy", () => {
    expect(slaDueAt(1, start, { levelDays: [0.5, 1, 2] })).toEqual(
      new Date("2026-03-01T22:00:00Z"),
    );
  });
});
