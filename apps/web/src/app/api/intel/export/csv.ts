import { CSV_BOM, csvRow, safeFileName } from "@sunuwai/intel";
import type { CsvCell } from "@sunuwai/intel";

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
      controller.enqueue(encoder.encode(`${CSV_BOM}${csvRow(header)}`));
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
