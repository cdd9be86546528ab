import { execFileSync } from "node:child_process";
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

  it("follows INTEL_INGEST_TIMEZONE and INTEL_INGEST_TIME, and refuses a zone that does not exist", () => {
    const scheduleWith = (env: Record<string, string>) =>
      execFileSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", `const { intelCronItems } = await import(${JSON.stringify(`${import.meta.dirname}/cron.ts`)}); console.log(intelCronItems()[0].match);`],
        { env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      ).trim();
    // 07:30 in India (UTC+05:30) is 02:00 UTC.
    expect(scheduleWith({ INTEL_INGEST_TIMEZONE: "Asia/Kolkata", INTEL_INGEST_TIME: "07:30" })).toBe("0 2 * * *");
    expect(() => scheduleWith({ INTEL_INGEST_TIMEZONE: "Mars/Olympus" })).toThrow(/must be an IANA time zone/);
  });
});
