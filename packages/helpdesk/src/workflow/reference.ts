/** Calendar year of `now` in `timeZone`: a grievance filed just after midnight on 1 January belongs to the new year. */
export function referenceYear(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(now));
}
