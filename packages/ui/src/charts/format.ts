/** 0.4567 → "46%". */
export function percent(value: number, digits = 0): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** 2026-03-04 → "4 Mar" (the day of a UTC calendar date, whatever the viewer's zone). */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

/** Chart colours (Tailwind's palette), one place so every chart agrees. */
export const CHART_COLORS = {
  primary: "#4338ca",
  selected: "#f59e0b",
  thin: "#a5b4fc",
  positive: "#047857",
  negative: "#b91c1c",
  grid: "#e2e8f0",
  axis: "#475569",
} as const;
