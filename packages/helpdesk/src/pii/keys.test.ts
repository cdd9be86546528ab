import { describe, expect, it } from "vitest";
import { randomKey } from "../test/keys";
import { parseBlindIndexKey, parseKeyRing, PiiKeyConfigError } from "./keys";

describe("parseKeyRing", () => {
  it("takes the first key as current and keeps older ones for decryption", () => {
    const ring = parseKeyRing(`k2:${randomKey()}, k1:${randomKey()}`);
    expect(ring.current.id).toBe("k2");
    expect([...ring.byId.keys()]).toEqual(["k2", "k1"]);
    expect(ring.current.key).toHaveLength(32);
  });

  it("explains a missing variable", () => {
    expect(() => parseKeyRing(undefined)).toThrow(/PII_ENCRYPTION_KEYS is not set/);
    expect(() => parseKeyRing("  ")).toThrow(PiiKeyConfigError);
  });

  it("names the malformed entry without echoing key material", () => {
    const short = Buffer.alloc(16, 7).toString("base64");
    const error = (() => {
      try {
        parseKeyRing(`k1:${short}`);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("expected a failure");
    })();
    expect(error.message).toMatch(/key "k1" must be base64 of exactly 32 bytes \(got 16 bytes\)/);
    expect(error.message).not.toContain(short);
    expect(() => parseKeyRing(randomKey())).toThrow(/"<id>:<base64 key>"/);
    expect(() => parseKeyRing(`bad id:${randomKey()}`)).toThrow(/id of letters, digits/);
    expect(() => parseKeyRing(`k1:not*base64`)).toThrow(/got 0 bytes/);
  });

  it("refuses the same id twice", () => {
    expect(() => parseKeyRing(`k1:${randomKey()},k1:${randomKey()}`)).toThrow(
      /lists key id "k1" twice/,
    );
  });
});

describe("parseBlindIndexKey", () => {
  it("needs at least 32 bytes", () => {
    expect(parseBlindIndexKey(randomKey())).toHaveLength(32);
    expect(() => parseBlindIndexKey(undefined)).toThrow(/PII_BLIND_INDEX_KEY is not set/);
    expect(() => parseBlindIndexKey(Buffer.alloc(8).toString("base64"))).toThrow(
      /at least 32 bytes \(got 8 bytes\)/,
    );
  });
});
