/** A field of a COPY row: a value to escape, or `{ raw }` already in COPY text form. */
export type CopyField = string | number | null | undefined | { raw: string };

/** Escapes a value for PostgreSQL's COPY text format (tab-separated, `\N` for NULL). */
export function copyValue(value: CopyField): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "\\N";
  if (typeof value === "object") return value.raw;
  return value.replace(/[\\\t\n\r]/gu, (ch) => (ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r"));
}

/** A text[] field for COPY; elements are quoted, so any text is safe. */
export function copyTextArray(values: readonly string[]): { raw: string } {
  const elements = values.map((value) => `"${value.replace(/["\\]/gu, (ch) => `\\${ch}`)}"`);
  return { raw: copyValue(`{${elements.join(",")}}`) };
}

export function copyRow(values: readonly CopyField[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += "\t";
    line += copyValue(values[i]);
  }
  return `${line}\n`;
}
