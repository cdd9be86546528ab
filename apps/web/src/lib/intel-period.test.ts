import { describe, expect, it } from "vitest";
import { parsePulseDays, pulsePeriod, todayIn } from "./intel-period";

describe("pulse periods", () => {
  it("end today in Kathmandu, which is already tomorrow in UTC late in the evening", () => {
    const lateUtc = new Date("2026-03-04T20:00:00Z");
    expect(todayIn("Asia/Kathmandu", lateUtc)).toBe("2026-03-05");
    expect(pulsePeriod(7, lateUtc)).toEqual({ from: "2026-02-27", to: "2026-03-05" });
    expect(pulsePeriod(1, lateUtc)).toEqual({ from: "2026-03-05", to: "2026-03-05" });
  });

  it("take ?days= as 1 … 366 whole days, defaulting to 30, and refuse anything else", () => {
    expect(parsePulseDays(null)).toBe(30);
    expect(parsePulseDays("")).toBe(30);
    expect(parsePulseDays("90")).toBe(90);
    for (const bad of ["0", "367", "-7", "7.5", "seven", "1e2"])
      expect(parsePulseDays(bad), bad).toBeNull();
  });
});
