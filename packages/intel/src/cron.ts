import type { CronItem } from "graphile-worker";
import { env } from "./env";

/** Minutes east of UTC of `timeZone` at `at` (e.g. +345 for Asia/Kathmandu). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):?(\d{2})?/u.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * The UTC cron pattern for a daily run at `time` (HH:MM) in `timeZone`: graphile-worker's cron runs in UTC. The offset
 * is the zone's at `at`; in zones with daylight saving the run shifts by an hour across a change until the worker
 * restarts and computes it again.
 */
export function dailyUtcCronPattern(input: { timeZone: string; time: string; at?: Date }): string {
  const [hours, minutes] = input.time.split(":").map(Number);
  const local = (hours ?? 0) * 60 + (minutes ?? 0);
  const utc = (((local - utcOffsetMinutes(input.timeZone, input.at ?? new Date())) % 1440) + 1440) % 1440;
  return `${utc % 60} ${Math.floor(utc / 60)} * * *`;
}

/**
 * Recurring intel jobs for apps/worker's schedule (cron items, since crontab text cannot name dotted tasks): the daily
 * inbox ingestion at INTEL_INGEST_TIME in INTEL_INGEST_TIMEZONE (default 06:00 Asia/Kathmandu = 00:15 UTC).
 */
export function intelCronItems(at: Date = new Date()): (CronItem & { task: "intel.ingestDir" })[] {
  return [
    {
      task: "intel.ingestDir",
      match: dailyUtcCronPattern({ timeZone: env.INTEL_INGEST_TIMEZONE, time: env.INTEL_INGEST_TIME, at }),
      identifier: "intel.ingestDir.daily",
      // One job per day; a missed day is not replayed (the next run takes everything in the inbox).
      options: { backfillPeriod: 0, maxAttempts: 3, jobKey: "intel.ingestDir.daily", jobKeyMode: "replace" },
    },
  ];
}
