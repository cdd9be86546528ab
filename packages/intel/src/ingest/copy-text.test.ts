import { describe, expect, it } from "vitest";
import { CopyWriter } from "./copy-text";

const text = (write: (w: CopyWriter) => void) => {
  const writer = new CopyWriter(4);
  write(writer);
  return writer.take().toString("utf8");
};

describe("COPY text encoding", () => {
  it("escapes backslashes, tabs and line breaks, and writes NULL as \\N", () => {
    expect(text((w) => w.text("a\tb").text("line\nnext\r").text("back\\slash").text(null).number(0.5).end())).toBe(
      "a\\tb\tline\\nnext\\r\tback\\\\slash\t\\N\t0.5\n",
    );
  });

  it("quotes array elements", () => {
    expect(text((w) => w.textArray(["roads", 'say "hi"', "a,b"]).end())).toBe('{"roads","say \\\\"hi\\\\"","a,b"}\n');
    expect(text((w) => w.textArray([]).end())).toBe("{}\n");
  });

  it("encodes Devanagari and Telugu as UTF-8 across many rows", () => {
    const rows = text((w) => {
      for (let i = 0; i < 1000; i++) w.plain(String(i)).text("काठमाडौं वडा नं. १० / జూబ్లీ హిల్స్").number(Number.NaN).end();
    });
    const lines = rows.split("\n");
    expect(lines).toHaveLength(1001);
    expect(lines[999]).toBe("999\tकाठमाडौं वडा नं. १० / జూబ్లీ హిల్స్\t\\N");
  });
});
