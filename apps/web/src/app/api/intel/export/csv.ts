// CSV for spreadsheets: RFC 4180 quoting, a BOM so Excel reads Devanagari and Telugu as UTF-8, and text cells that
// would start a formula (= + - @) defused with a leading apostrophe.

export type CsvCell = string | number | boolean | null | undefined;

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
function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/gu, "_");
}

/** Streams `header` then every row `rows` yields, as a `text/csv` download named `fileName`. */
export function csvResponse(
  fileName: string,
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>,
  requestId: string,
): Response {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRow(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const name = safeFileName(fileName);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
}
