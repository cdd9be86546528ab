import { describe, expect, it } from "vitest";
import { AppError } from "@sunuwai/validators/errors";
import { randomKey } from "../test/keys";
import { emailBlindIndex, phoneBlindIndex } from "./blind-index";
import { parseBlindIndexKey } from "./keys";
import { maskAddress, maskEmail, maskName, maskPhone } from "./mask";
import { normaliseEmail, normalisePhone } from "./normalise";

describe("normalisePhone", () => {
  it("gives one E.164 number for the common Nepali spellings", () => {
    for (const spelling of [
      "+977-9841234567",
      "9841234567",
      "009779841234567",
      "+977 984 123 4567",
      "(+977) 9841-234567",
      "9779841234567",
    ]) {
      expect(normalisePhone(spelling)).toBe("+9779841234567");
    }
  });

  it("reads a bare number as Nepali when it is a valid Nepali number, else Indian", () => {
    expect(normalisePhone("9801234567")).toBe("+9779801234567");
    expect(normalisePhone("9612345678")).toBe("+9779612345678");
    expect(normalisePhone("01-4412345")).toBe("+97714412345");
    expect(normalisePhone("9876543210")).toBe("+919876543210");
    expect(normalisePhone("7012345678")).toBe("+917012345678");
    expect(normalisePhone("919876543210")).toBe("+919876543210");
    expect(normalisePhone("+91 98765 43210")).toBe("+919876543210");
    expect(normalisePhone("0091 9876543210")).toBe("+919876543210");
  });

  it("refuses what is not a phone number, as a validation error", () => {
    for (const junk of ["12345", "abcdefghij", "5555555555", "+999 123"]) {
      const error = (() => {
        try {
          normalisePhone(junk);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION");
      expect((error as AppError).message).not.toContain(junk);
    }
  });
});

describe("blind indexes", () => {
  const key = parseBlindIndexKey(randomKey());

  it("match across spellings and differ between numbers", () => {
    const indexes = ["+977-9841234567", "9841234567", "009779841234567"].map((spelling) =>
      phoneBlindIndex(key, spelling),
    );
    expect(new Set(indexes).size).toBe(1);
    expect(indexes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(indexes[0]).not.toContain("9841234567");
    expect(phoneBlindIndex(key, "9841234568")).not.toBe(indexes[0]);
  });

  it("depend on the key", () => {
    const other = parseBlindIndexKey(randomKey());
    expect(phoneBlindIndex(other, "9841234567")).not.toBe(phoneBlindIndex(key, "9841234567"));
  });

  it("ignore the case and spaces of an email", () => {
    expect(normaliseEmail("  Ram.Thapa@Example.COM ")).toBe("ram.thapa@example.com");
    expect(emailBlindIndex(key, "  Ram.Thapa@Example.COM ")).toBe(
      emailBlindIndex(key, "ram.thapa@example.com"),
    );
    expect(emailBlindIndex(key, "ram@example.com")).not.toBe(phoneBlindIndex(key, "9841234567"));
  });
});

describe("masking", () => {
  it("shows only the ends of a phone number and the first letter of an email", () => {
    expect(maskPhone("+9779841234567")).toBe("98•••••567");
    expect(maskPhone("+919876543210")).toBe("98•••••210");
    expect(maskEmail("ram@example.com")).toBe("r•••@example.com");
    expect(maskName("Ram Bahadur Thapa")).toBe("R••• B••• T•••");
    expect(maskName("सीता श्रेष्ठ")).toBe("स••• श•••");
    expect(maskAddress("Ward 10, Baneshwor")).toBe("••••••");
  });
});
