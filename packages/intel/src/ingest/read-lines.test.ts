import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLines } from "./read-lines";

const dir = mkdtempSync(path.join(os.tmpdir(), "intel-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(content: string | Buffer) {
  const file = path.join(dir, `f${Math.random()}.jsonl`);
  writeFileSync(file, content);
  const source = readLines(file);
  const lines = [];
  for await (const batch of source.lines) lines.push(...batch);
  return { lines, sha: source.fileSha256(), bytes: source.bytesRead(), expectedSha: createHash("sha256").update(content).digest("hex") };
}

describe("readLines", () => {
  it("drops a BOM, accepts CRLF, skips blank lines and keeps physical line numbers", async () => {
    const { lines } = await collect("\uFEFF{\"a\":1}\r\n\r\n   \n{\"b\":2}\r\n{\"c\":3}");
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 4, text: '{"b":2}' },
      { number: 5, text: '{"c":3}' },
    ]);
  });

  it("reports a line over 8 MB without holding it, and carries on with the next", async () => {
    const { lines } = await collect(`{"a":1}\n${"x".repeat(9 * 1024 * 1024)}\n{"b":2}\n`);
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: "", tooLong: true },
      { number: 3, text: '{"b":2}' },
    ]);
  });

  it("hashes the file's bytes as it reads them", async () => {
    const result = await collect(Buffer.from("{\"x\":\"नेपाल\"}\n".repeat(20_000)));
    expect(result.lines).toHaveLength(20_000);
    expect(result.sha).toBe(result.expectedSha);
    expect(result.bytes).toBeGreaterThan(0);
  });
});
