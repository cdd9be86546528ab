import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import readline from "node:readline";

export interface NumberedLine {
  /** 1-based line number in the file, blank lines included. */
  number: number;
  text: string;
}

export interface LineSource {
  lines: AsyncIterable<NumberedLine>;
  /** Bytes read so far (for progress). */
  bytesRead(): number;
  /** sha256 (hex) of the whole file; complete once `lines` is exhausted. */
  fileSha256(): string;
}

/**
 * Streams a text file line by line (never whole): UTF-8, a leading BOM dropped, LF or CRLF endings, blank lines
 * skipped but counted. The file's sha256 is computed from the same bytes as they go by.
 */
export function readLines(path: string): LineSource {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const hash = createHash("sha256");
  let digest: string | undefined;
  stream.on("data", (chunk) => hash.update(chunk));
  const input = readline.createInterface({ input: stream, crlfDelay: Infinity });

  async function* lines(): AsyncGenerator<NumberedLine> {
    let number = 0;
    try {
      for await (const raw of input) {
        number++;
        const text = number === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        if (text.trim() === "") continue;
        yield { number, text };
      }
    } finally {
      input.close();
      stream.destroy();
    }
  }

  return {
    lines: lines(),
    bytesRead: () => stream.bytesRead,
    fileSha256: () => (digest ??= hash.digest("hex")),
  };
}
