// Display formats of the intel screens: times in the dashboard's zone, calendar days as written in the data.
import { formatDateTime } from "~/lib/format";

export { formatDateTime };

/** 2026-03-04 → "4 Mar 2026" (a calendar date: no time-zone shift). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** 0.4567 → "45.7%". */
export function formatShare(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatSentiment(value: number | null): string {
  if (value === null) return "—";
  return `${value > 0 ? "+" : ""}${value.toFixed(2)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}
