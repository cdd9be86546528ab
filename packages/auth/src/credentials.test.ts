import { describe, expect, it } from "vitest";
import { accountLockedMessage } from "./credentials";

describe("accountLockedMessage", () => {
  const now = new Date("2026-03-01T10:00:00Z");

  it("rounds the remaining lock time up to whole minutes", () => {
    expect(accountLockedMessage(new Date("2026-03-01T10:15:00Z"), now)).toBe(
      "Account locked. Try again in 15 minutes.",
    );
    expect(accountLockedMessage(new Date("2026-03-01T10:00:20Z"), now)).toBe(
      "Account locked. Try again in 1 minute.",
    );
  });
});
