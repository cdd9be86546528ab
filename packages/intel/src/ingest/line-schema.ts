import { z } from "zod";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Lines longer than this are refused before parsing (a body of 1 MB in JSON stays well below it). */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** A real calendar date: 2026-02-30 and 2026-13-01 are refused. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** One JSONL line of an e-paper export. Unknown fields are ignored. */
export const epaperLineSchema = z.object({
  publication_name: z.string().trim().min(1, "publication_name is missing").max(300),
  publication_date: z
    .string()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/u.test(value), "publication_date must be YYYY-MM-DD")
    .refine(isCalendarDate, "publication_date is not a real calendar date"),
  title: z.string().trim().min(1, "title is missing").max(2000),
  body: z
    .string()
    // A UTF-16 unit is at most 3 UTF-8 bytes: most bodies are clearly small enough without counting their bytes.
    .refine((value) => value.length * 3 <= MAX_BODY_BYTES || Buffer.byteLength(value, "utf8") <= MAX_BODY_BYTES, "body is larger than 1 MB"),
  city: z.string().trim().min(1, "city is missing").max(200),
  party: optionalText(200),
  ward: optionalText(100),
  url: z
    .string()
    .trim()
    .max(2048)
    .refine((value) => value === "" || /^https?:\/\/\S+$/iu.test(value), "url must be an http(s) address")
    .nullish()
    .transform((value) => (value ? value : null)),
  language: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?$/u, "language must be a code like en, ne, hi or te")
    .nullish()
    .transform((value) => (value ? value.toLowerCase() : null)),
});

export type EpaperLine = z.output<typeof epaperLineSchema>;

export type LineResult = { ok: true; line: EpaperLine } | { ok: false; error: string };

/** Parses and validates one non-blank line; the error is one short sentence naming the field. */
export function parseEpaperLine(text: string): LineResult {
  if (text.length > MAX_LINE_CHARS) return { ok: false, error: "line is too long (over 4 MB)" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const truncated = /end of (JSON|data)|Unterminated|Unexpected end/iu.test(message);
    return { ok: false, error: truncated ? "truncated line: the JSON ends early" : "invalid JSON" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ok: false, error: "line is not a JSON object" };
  const parsed = epaperLineSchema.safeParse(json);
  if (parsed.success) return { ok: true, line: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".") ?? "";
  const message = issue?.message ?? "invalid line";
  if (issue?.code === "invalid_type" && issue.input === undefined) return { ok: false, error: `${field} is missing` };
  return { ok: false, error: message.includes(field) || field === "" ? message : `${field}: ${message}` };
}
