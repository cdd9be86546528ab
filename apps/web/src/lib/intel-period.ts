// Pulse periods: the last N days up to today in the dashboard's zone (articles carry calendar dates).
export const PULSE_PERIODS = [7, 30, 90] as const;
export const DEFAULT_PULSE_DAYS = 30;
export const MAX_PULSE_DAYS = 366;
const DISPLAY_TIME_ZONE = "Asia/Kathmandu";

/** Today's calendar date in `timeZone`, YYYY-MM-DD. */
export function todayIn(timeZone: string = DISPLAY_TIME_ZONE, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The `days` calendar days ending today (inclusive), as the pulse's from/to. */
export function pulsePeriod(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = todayIn(DISPLAY_TIME_ZONE, now);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { from, to };
}

/** `?days=` as a whole number of days from 1 to 366, or null when it is anything else. */
export function parsePulseDays(
  value: string | null | undefined,
  fallback = DEFAULT_PULSE_DAYS,
): number | null {
  if (value === null || value === undefined || value === "") return fallback;
  if (!/^\d{1,3}$/u.test(value)) return null;
  const days = Number(value);
  return days >= 1 && days <= MAX_PULSE_DAYS ? days : null;
}
