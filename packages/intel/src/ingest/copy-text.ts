const NEEDS_ESCAPE = /[\\\t\n\r]/u;
const ESCAPES = /[\\\t\n\r]/gu;
const escapeChar = (ch: string) => (ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r");
const TAB = 0x09;
const NEWLINE = 0x0a;
const NULL = Buffer.from("\\N", "latin1");

/** Escapes a value for PostgreSQL's COPY text format (backslash, tab and line breaks). */
function escapeCopy(value: string): string {
  // Most values need no escaping; testing first spares building a copy of them.
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, escapeChar) : value;
}

/**
 * Buffers given back by finished batches. A few megabytes allocated anew per batch counted as external memory, which
 * made V8 run a full collection about once a batch.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 4;

function takeBuffer(bytes: number): Buffer {
  const index = spareBuffers.findIndex((buffer) => buffer.length >= bytes);
  return index >= 0 ? (spareBuffers.splice(index, 1)[0] as Buffer) : Buffer.allocUnsafe(bytes);
}

function giveBack(buffer: Buffer): void {
  if (spareBuffers.length < MAX_SPARE_BUFFERS && buffer.length > 0) spareBuffers.push(buffer);
}

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, `\N` for NULL), encoded straight into one growing buffer:
 * no string per row, and no megabyte-long string to flatten and encode at the end.
 */
export class CopyWriter {
  private buffer: Buffer;
  private length = 0;
  private fields = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = takeBuffer(initialBytes);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = takeBuffer(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    giveBack(this.buffer);
    this.buffer = grown;
  }

  private separate(): void {
    this.reserve(1);
    if (this.fields++ > 0) this.buffer[this.length++] = TAB;
  }

  /** A text value (escaped); null or undefined is NULL. */
  text(value: string | null | undefined): this {
    this.separate();
    if (value === null || value === undefined) return this.null();
    const escaped = escapeCopy(value);
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    this.reserve(escaped.length * 3);
    this.length += this.buffer.write(escaped, this.length, "utf8");
    return this;
  }

  /** A value that needs no escaping and is ASCII: ids, hashes, dates, booleans. */
  plain(value: string | null | undefined): this {
    this.separate();
    if (value === null || value === undefined) return this.null();
    this.reserve(value.length);
    this.length += this.buffer.write(value, this.length, "latin1");
    return this;
  }

  number(value: number | null | undefined): this {
    return this.plain(value === null || value === undefined || !Number.isFinite(value) ? null : String(value));
  }

  /** A text[] value; elements are quoted, so any text is safe. */
  textArray(values: readonly string[]): this {
    return this.text(`{${values.map((value) => `"${value.replace(/["\\]/gu, (ch) => `\\${ch}`)}"`).join(",")}}`);
  }

  /** Ends the row. */
  end(): this {
    this.reserve(1);
    this.buffer[this.length++] = NEWLINE;
    this.fields = 0;
    return this;
  }

  /** The rows written so far (valid until `release`). */
  take(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Hands the buffer on to a later writer; what `take` returned must not be used any more. */
  release(): void {
    giveBack(this.buffer);
    this.buffer = Buffer.alloc(0);
    this.length = 0;
  }

  private null(): this {
    this.reserve(NULL.length);
    this.length += NULL.copy(this.buffer, this.length);
    return this;
  }
}
