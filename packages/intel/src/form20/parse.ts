import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { z } from "zod";
import { AppError } from "@sunuwai/validators/errors";

export const FORM20_COLUMNS = ["ps_id", "ward_id", "ward_name", "ac_id", "pc_id", "party", "candidate", "votes", "total_polled", "rejected"] as const;
const REQUIRED_COLUMNS = ["ps_id", "ac_id", "party", "candidate", "votes", "total_polled"] as const;

const count = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/u, `${field} must be a whole number`)
    .transform(Number)
    .refine((n) => n <= 2_000_000_000, `${field} is too large`);

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null));

/** One Form 20 row (long format: one candidate at one polling station). `electors` and `ps_name` are optional extras. */
export const form20RowSchema = z
  .object({
    ps_id: z.string().trim().min(1, "ps_id is missing").max(50),
    ward_id: optional,
    ward_name: optional,
    ac_id: z.string().trim().min(1, "ac_id is missing").max(50),
    pc_id: optional,
    party: z.string().trim().min(1, "party is missing").max(200),
    candidate: z.string().trim().min(1, "candidate is missing").max(300),
    votes: count("votes"),
    total_polled: count("total_polled"),
    rejected: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : "0"))
      .pipe(count("rejected")),
    electors: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(count("electors").optional()),
    ps_name: optional,
  })
  .refine((row) => row.votes <= row.total_polled, { message: "candidate votes exceed the polled total" });

export type Form20Row = z.output<typeof form20RowSchema> & { row: number };

export interface RejectedRow {
  /** Line number in the file (the header is line 1). */
  row: number;
  reason: string;
}

function describe(error: z.ZodError, raw: Record<string, string>): string {
  const issue = error.issues[0];
  if (!issue) return "invalid row";
  if (issue.message === "candidate votes exceed the polled total") {
    return `candidate votes (${raw.votes ?? "?"}) exceed the polled total (${raw.total_polled ?? "?"})`;
  }
  return issue.message;
}

/** Streams a Form 20 CSV: valid rows in file order, invalid rows with their line number and reason. */
export async function readForm20(path: string, onRow: (row: Form20Row) => void, onReject: (rejected: RejectedRow) => void): Promise<number> {
  const parser = createReadStream(path).pipe(
    parse({ columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  let rows = 0;
  let checkedHeader = false;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) {
        const missing = REQUIRED_COLUMNS.filter((column) => !(column in item.record));
        if (missing.length > 0) throw new AppError("VALIDATION", `The CSV lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}.`);
        checkedHeader = true;
      }
      rows++;
      const parsed = form20RowSchema.safeParse(item.record);
      if (parsed.success) onRow({ ...parsed.data, row: item.info.lines });
      else onReject({ row: item.info.lines, reason: describe(parsed.error, item.record) });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("VALIDATION", `The CSV could not be read: ${message.split("\n")[0] ?? "parse error"}.`);
  }
  return rows;
}
