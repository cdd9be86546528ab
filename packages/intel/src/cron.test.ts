import { parseCronItems } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { dailyUtcCronPattern, intelCronItems, utcOffsetMinutes } from "./cron";

describe("daily ingestion schedule", () => {
  it("converts 06:00 in Kathmandu (UTC+05:45) to 00:15 UTC", () => {
    expect(utcOffsetMinutes("Asia/Kathmandu", new Date("2026-01-01T00:00:00Z"))).toBe(345);
    expect(dailyUtcCronPattern({ timeZone: "Asia/Kathmandu", time: "06:00" })).toBe("15 0 * * *");
  });

  it("wraps to the previous UTC day and handles zones west of UTC", () => {
    expect(dailyUtcCronPattern({ timeZone: "Asia/Kolkata", time: "03:00" })).toBe("30 21 * * *");
    expect(dailyUtcCronPattern({ timeZone: "America/New_York", time: "06:00", at: new Date("2026-01-15T12:00:00Z") })).toBe("0 11 * * *");
    expect(dailyUtcCronPattern({ timeZone: "UTC", time: "06:00" })).toBe("0 6 * * *");
  });

  it("is a cron item graphile-worker accepts, for the default zone and time", () => {
    const [item] = intelCronItems();
    expect(item?.match).toBe("15 0 * * *");
    const [parsed] = parseCronItems(intelCronItems());
    expect(parsed?.task).toBe("intel.ingestDir");
    expect(parsed?.options.jobKey).toBe("intel.ingestDir.daily");
  });
});
