import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export interface NumberedLine {
  /** 1-based line number in the file, blank lines included. */
  number: number;
  text: string;
  /** The line was longer than MAX_LINE_BYTES; its text was dropped unread. */
  tooLong?: boolean;
}

export interface LineSource {
  /** The lines, a read chunk's worth at a time (one await per chunk, not per line). */
  lines: AsyncIterable<NumberedLine[]>;
  /** Bytes read so far (for progress). */
  bytesRead(): number;
  /** sha256 (hex) of the whole file; complete once `lines` is exhausted. */
  fileSha256(): string;
}

/** A line longer than this is reported, not held in memory (a 1 MB body stays well below it, even escaped). */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;

function decode(bytes: Buffer, first: boolean): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  const text = bytes.toString("utf8", 0, end);
  return first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Streams a text file line by line, never whole: UTF-8, a leading BOM dropped, LF or CRLF endings, blank lines skipped
 * but counted. Chunks are pulled only as lines are consumed, so memory stays bounded however large the file (node's
 * readline async iterator reads ahead without limit). The file's sha256 is computed from the same bytes.
 */
export function readLines(path: string): LineSource {
  const hash = createHash("sha256");
  let digest: string | undefined;
  let bytesRead = 0;

  async function* lines(): AsyncGenerator<NumberedLine[]> {
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
    let carry: Buffer[] = [];
    let carryBytes = 0;
    let overlong = false;
    let number = 0;
    const emit = (bytes: Buffer): NumberedLine | undefined => {
      number++;
      if (overlong) {
        overlong = false;
        return { number, text: "", tooLong: true };
      }
      const text = decode(bytes, number === 1);
      return text.trim() === "" ? undefined : { number, text };
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytesRead += chunk.length;
        const batch: NumberedLine[] = [];
        let start = 0;
        for (let newline = chunk.indexOf(LF, start); newline !== -1; newline = chunk.indexOf(LF, start)) {
          const piece = chunk.subarray(start, newline);
          const line = carryBytes > 0 ? Buffer.concat([...carry, piece]) : piece;
          carry = [];
          carryBytes = 0;
          start = newline + 1;
          const item = emit(line);
          if (item) batch.push(item);
        }
        if (start < chunk.length) {
          carryBytes += chunk.length - start;
          if (carryBytes > MAX_LINE_BYTES) {
            overlong = true;
            carry = [];
          } else {
            carry.push(chunk.subarray(start));
          }
        }
        if (batch.length > 0) yield batch;
      }
      if (carryBytes > 0 || overlong) {
        const item = emit(Buffer.concat(carry));
        if (item) yield [item];
      }
    } finally {
      stream.destroy();
    }
  }

  return {
    lines: lines(),
    bytesRead: () => bytesRead,
    fileSha256: () => (digest ??= hash.digest("hex")),
  };
}
