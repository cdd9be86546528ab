// Times are stored in UTC and shown in Nepal time, with a relative form ("in 2 days") beside the absolute one.
import { localeOf } from "./language";
import type { HelpdeskLanguage } from "./language";
import { hasNepaliLocale, nepaliAbsolute, nepaliDuration, nepaliRelative } from "./nepali-time";

export const DISPLAY_TIME_ZONE = "Asia/Kathmandu";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const absoluteFormats = new Map<HelpdeskLanguage, Intl.DateTimeFormat>();

/** "4 Mar 2026, 14:05" in Asia/Kathmandu (Devanagari in Nepali). */
export function formatAbsolute(value: Date, language: HelpdeskLanguage): string {
  if (language === "ne" && !hasNepaliLocale()) return nepaliAbsolute(value, DISPLAY_TIME_ZONE);
  let format = absoluteFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: DISPLAY_TIME_ZONE,
    });
    absoluteFormats.set(language, format);
  }
  return format.format(value);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

/** "in 2 days", "3 hours ago", "now": the largest whole unit, rounded towards zero. */
export function formatRelative(value: Date, now: Date, language: HelpdeskLanguage): string {
  const delta = value.getTime() - now.getTime();
  const step = RELATIVE_STEPS.find(([, size]) => Math.trunc(delta / size) !== 0);
  const [unit, amount] = step ? [step[0], Math.trunc(delta / step[1])] : (["minute", 0] as const);
  if (language === "ne" && !hasNepaliLocale()) return nepaliRelative(amount, unit);
  return new Intl.RelativeTimeFormat(localeOf(language), { numeric: "auto" }).format(amount, unit);
}

/**
 * A length of time in one unit a reader takes in at a glance: days from two days on, hours from two hours on,
 * minutes below that (at least one).
 */
export function formatDuration(ms: number, language: HelpdeskLanguage): string {
  const [unit, amount] =
    ms >= 2 * DAY
      ? (["day", Math.floor(ms / DAY)] as const)
      : ms >= 2 * HOUR
        ? (["hour", Math.floor(ms / HOUR)] as const)
        : (["minute", Math.max(1, Math.floor(ms / MINUTE))] as const);
  if (language === "ne" && !hasNepaliLocale()) return nepaliDuration(amount, unit);
  return new Intl.NumberFormat(localeOf(language), {
    style: "unit",
    unit,
    unitDisplay: "long",
  }).format(amount);
}

/** 1536 → "1.5 KB"; binary units, as the upload limits are stated. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}
