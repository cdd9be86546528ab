import type { WardPulse } from "@sunuwai/validators";
import type { CsvCell } from "./csv";

export const PULSE_CSV_HEADER = ["ward", "from", "to", "figure", "key", "posts", "share", "average_sentiment", "negative_posts", "outlets", "warnings"] as const;

const FIGURES = [
  ["topics", "topic"],
  ["parties", "party"],
  ["sources", "source"],
] as const;

export function pulseCsvFileName(pulse: WardPulse): string {
  return `pulse_${pulse.ward.code}_${pulse.from}_${pulse.to}.csv`;
}

/** A pulse as one tidy table: a row per day, then per topic, party and source, each with its warnings. */
export function pulseCsvRows(pulse: WardPulse): CsvCell[][] {
  const prefix = [pulse.ward.code, pulse.from, pulse.to];
  return [
    ...pulse.daily.map((d) => [...prefix, "day", d.day, d.posts, null, d.averageSentiment, d.negativePosts, d.outlets, d.warnings.join("; ")]),
    ...FIGURES.flatMap(([list, figure]) => pulse[list].map((f) => [...prefix, figure, f.key, f.posts, f.share, null, null, null, f.warnings.join("; ")])),
  ];
}
