import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it("quote commas, quotes and line breaks, and keep Devanagari and Telugu as they are", () => {
    expect(csvRow(["वडा १ मा खानेपानी", 'a "quoted", text', "two\nlines", 0.25, null])).toBe(
      'वडा १ मा खानेपानी,"a ""quoted"", text","two\nlines",0.25,\r\n',
    );
    expect(csvCell("జూబ్లీ హిల్స్")).toBe("జూబ్లీ హిల్స్");
  });

  it("defuse text that a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-sum")).toBe("'-sum");
    expect(csvCell(-0.5)).toBe("-0.5");
  });
});
