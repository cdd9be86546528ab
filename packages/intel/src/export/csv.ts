// CSV for spreadsheets: RFC 4180 quoting, a BOM so Excel reads Devanagari and Telugu as UTF-8, and text cells that
// would start a formula (= + - @) defused with a leading apostrophe.

export type CsvCell = string | number | boolean | null | undefined;

/** Put first in a file so spreadsheets read it as UTF-8. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A file name safe in a header: letters, digits, dot, dash and underscore only. */
export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/gu, "_");
}
