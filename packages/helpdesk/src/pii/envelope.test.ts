import { describe, expect, it } from "vitest";
import { AppError } from "@sunuwai/validators/errors";
import { randomKey } from "../test/keys";
import { decryptValue, encryptValue, envelopeKeyId } from "./envelope";
import { parseKeyRing } from "./keys";

const k1 = randomKey();
const k2 = randomKey();
const ring1 = parseKeyRing(`k1:${k1}`);
const ring21 = parseKeyRing(`k2:${k2},k1:${k1}`);
const secret = "Sita Kumari Shrestha";
const context = "complainant:0b7c1c1e-0000-4000-8000-000000000001:name";

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected decryption to fail");
}

describe("envelope", () => {
  it("round-trips and never contains the plaintext", () => {
    const envelope = encryptValue(ring1, secret, context);
    expect(envelope.includes(Buffer.from(secret))).toBe(false);
    expect(envelope.includes(Buffer.from("Sita"))).toBe(false);
    expect(decryptValue(ring1, envelope, context)).toBe(secret);
  });

  it("uses a fresh IV for every value", () => {
    expect(encryptValue(ring1, secret, context).equals(encryptValue(ring1, secret, context))).toBe(
      false,
    );
  });

  it("names its key, so an older key still opens it after the ring moves on", () => {
    const old = encryptValue(ring1, secret, context);
    expect(envelopeKeyId(old)).toBe("k1");
    expect(decryptValue(ring21, old, context)).toBe(secret);
    expect(envelopeKeyId(encryptValue(ring21, secret, context))).toBe("k2");
  });

  it("fails cleanly, without plaintext, when any byte is altered", () => {
    const envelope = encryptValue(ring1, secret, context);
    for (let index = 0; index < envelope.length; index += 1) {
      const tampered = Buffer.from(envelope);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      const error = failure(() => decryptValue(ring1, tampered, context));
      expect(error.code).toBe("INTERNAL");
      expect(error.message).toMatch(/^Stored personal data could not be decrypted/);
      expect(error.message).not.toContain("Sita");
    }
  });

  it("refuses a value moved to another row or column", () => {
    const envelope = encryptValue(ring1, secret, context);
    expect(
      failure(() => decryptValue(ring1, envelope, context.replace(":name", ":address"))).message,
    ).toMatch(/altered or belongs elsewhere/);
  });

  it("says which key is missing from the ring", () => {
    const envelope = encryptValue(ring21, secret, context);
    expect(failure(() => decryptValue(ring1, envelope, context)).message).toMatch(
      /key "k2" is not in PII_ENCRYPTION_KEYS/,
    );
    expect(failure(() => decryptValue(ring1, Buffer.from("plain text"), context)).message).toMatch(
      /not a recognised envelope/,
    );
  });
});
