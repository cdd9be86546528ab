import { describe, expect, it } from "vitest";
import { copyRow, copyTextArray } from "./copy-text";

describe("COPY text encoding", () => {
  it("escapes backslashes, tabs and line breaks, and writes NULL as \\N", () => {
    expect(copyRow(["a\tb", "line\nnext\r", "back\\slash", null, 0.5])).toBe("a\\tb\tline\\nnext\\r\tback\\\\slash\t\\N\t0.5\n");
  });

  it("quotes array elements", () => {
    expect(copyRow([copyTextArray(["roads", 'say "hi"', "a,b"])])).toBe('{"roads","say \\\\"hi\\\\"","a,b"}\n');
    expect(copyRow([copyTextArray([])])).toBe("{}\n");
  });
});
