import { describe, expect, it } from "vitest";
import { isCalendarDate, parseEpaperLine } from "./line-schema";

const good = { publication_name: "Kantipur", publication_date: "2026-03-04", title: "Road closed", body: "Text", city: "Kathmandu" };
const line = (value: unknown) => JSON.stringify(value);

describe("parseEpaperLine", () => {
  it("accepts a complete line and normalises optional fields", () => {
    const result = parseEpaperLine(line({ ...good, party: " ", ward: "KMC-10", url: "https://example.org/a", language: "NE" }));
    expect(result).toEqual({
      ok: true,
      line: { ...good, party: null, ward: "KMC-10", url: "https://example.org/a", language: "ne" },
    });
  });

  it("refuses a truncated line, invalid JSON and non-objects", () => {
    expect(parseEpaperLine('{"publication_name": "Kantipur", "title": "Ro')).toEqual({ ok: false, error: "truncated line: the JSON ends early" });
    expect(parseEpaperLine("not json")).toEqual({ ok: false, error: "invalid JSON" });
    expect(parseEpaperLine("[1,2]")).toEqual({ ok: false, error: "line is not a JSON object" });
  });

  it("names the field at fault", () => {
    const { title: _title, ...noTitle } = good;
    expect(parseEpaperLine(line(noTitle))).toEqual({ ok: false, error: "title is missing" });
    expect(parseEpaperLine(line({ ...good, title: "  " }))).toEqual({ ok: false, error: "title is missing" });
    expect(parseEpaperLine(line({ ...good, publication_date: "2026-02-30" }))).toEqual({ ok: false, error: "publication_date is not a real calendar date" });
    expect(parseEpaperLine(line({ ...good, publication_date: "04/03/2026" }))).toEqual({ ok: false, error: "publication_date must be YYYY-MM-DD" });
    expect(parseEpaperLine(line({ ...good, url: "javascript:alert(1)" }))).toEqual({ ok: false, error: "url must be an http(s) address" });
  });

  it("refuses a body over 1 MB and accepts one just under", () => {
    expect(parseEpaperLine(line({ ...good, body: "x".repeat(1024 * 1024 + 1) }))).toEqual({ ok: false, error: "body is larger than 1 MB" });
    expect(parseEpaperLine(line({ ...good, body: "x".repeat(1024 * 1024) })).ok).toBe(true);
    // Measured in UTF-8 bytes: 350,000 Devanagari letters are 1,050,000 bytes.
    expect(parseEpaperLine(line({ ...good, body: "क".repeat(350_000) })).ok).toBe(false);
  });
});

describe("isCalendarDate", () => {
  it("knows leap years", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
  });
});
