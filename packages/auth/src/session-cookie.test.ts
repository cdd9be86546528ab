import { describe, expect, it } from "vitest";
import { readSessionToken } from "./session-cookie";

describe("readSessionToken", () => {
  it("reads the plain and the __Secure- session cookie among others", () => {
    expect(readSessionToken("theme=dark; next-auth.session-token=abc.def; lang=ne")).toBe(
      "abc.def",
    );
    expect(readSessionToken("__Secure-next-auth.session-token=xyz")).toBe("xyz");
  });

  it("joins chunked cookies in index order, whatever order the browser sends them in", () => {
    expect(
      readSessionToken("next-auth.session-token.1=second; next-auth.session-token.0=first"),
    ).toBe("firstsecond");
  });

  it("ignores a chunk sequence that does not start at 0 and cookies of other apps", () => {
    expect(
      readSessionToken("next-auth.session-token.1=orphan; other.session-token=nope"),
    ).toBeNull();
    expect(readSessionToken(null)).toBeNull();
    expect(readSessionToken("")).toBeNull();
  });

  it("decodes URL-encoded values and skips malformed ones", () => {
    expect(readSessionToken("next-auth.session-token=a%2Eb")).toBe("a.b");
    expect(readSessionToken("next-auth.session-token=%E0%A4%A")).toBeNull();
  });
});
