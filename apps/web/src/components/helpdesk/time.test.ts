import { describe, expect, it } from "vitest";
import { nepaliAbsolute, nepaliDuration, nepaliRelative } from "./nepali-time";
import { formatAbsolute, formatBytes, formatDuration, formatRelative } from "./time";

const now = new Date("2026-03-04T08:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const HOUR = 3_600_000;

describe("helpdesk time formatting", () => {
  it("shows absolute times in Nepal time (UTC+5:45), in English and in Devanagari", () => {
    expect(formatAbsolute(now, "en")).toBe("4 Mar 2026, 13:45");
    const nepali = formatAbsolute(now, "ne");
    expect(nepali).toContain("१३:४५");
    expect(nepali).not.toMatch(/[0-9]/);
  });

  it("says how far away a time is in its largest whole unit", () => {
    expect(formatRelative(at(2 * 24 * HOUR + 5 * HOUR), now, "en")).toBe("in 2 days");
    expect(formatRelative(at(-3 * HOUR - 10 * 60_000), now, "en")).toBe("3 hours ago");
    expect(formatRelative(at(20_000), now, "en")).toBe("this minute");
    expect(formatRelative(at(-24 * HOUR), now, "en")).toBe("yesterday");
  });

  it("states an overdue span in days, hours or minutes", () => {
    expect(formatDuration(3 * 24 * HOUR + 4 * HOUR, "en")).toBe("3 days");
    expect(formatDuration(36 * HOUR, "en")).toBe("36 hours");
    expect(formatDuration(90 * 60_000, "en")).toBe("90 minutes");
    expect(formatDuration(5_000, "en")).toBe("1 minute");
  });

  it("states file sizes the way the upload limits are written", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatBytes(12.4 * 1024 * 1024)).toBe("12 MB");
  });
});

describe("Nepali dates where the browser has no Nepali locale", () => {
  it("writes Devanagari digits and Nepali month and unit names itself", () => {
    expect(nepaliAbsolute(now, "Asia/Kathmandu")).toBe("४ मार्च २०२६, १३:४५");
    expect(nepaliRelative(-3, "hour")).toBe("३ घण्टा अघि");
    expect(nepaliRelative(2, "day")).toBe("२ दिनमा");
    expect(nepaliRelative(0, "minute")).toBe("अहिले");
    expect(nepaliDuration(12, "day")).toBe("१२ दिन");
  });
});
