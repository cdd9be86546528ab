import type { Tx } from "@sunuwai/db";

/** `GRV-2026-000123`. */
export function formatReference(year: number, sequence: number): string {
  return `GRV-${year}-${String(sequence).padStart(6, "0")}`;
}

/** Calendar year of `now` in `timeZone`: a grievance filed just after midnight on 1 January belongs to the new year. */
export function referenceYear(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(now));
}

/**
 * Takes the next number of `year` inside the caller's transaction. The upsert holds the year's row lock until
 * commit, so concurrent creations queue up, and a rolled-back creation rolls its number back: no gaps.
 */
export async function takeNextSequence(tx: Pick<Tx, "$queryRaw">, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "GrievanceSequence" ("year", "value") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "value" = "GrievanceSequence"."value" + 1
    RETURNING "value"`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error("GrievanceSequence upsert returned no row");
  if (value > 999_999) throw new Error(`Reference numbers for ${year} are exhausted (more than 999,999 grievances)`);
  return value;
}
