import { describe, expect, it } from "vitest";
import { uuidV7 } from "./ids";

describe("uuidV7", () => {
  it("is a version 7 UUID carrying its millisecond timestamp", () => {
    const at = Date.UTC(2026, 2, 4, 10, 30);
    const id = uuidV7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts ids made later after earlier ones, and never repeats", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidV7(1_800_000_000_000 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    const firstOfEachMs = ids.filter((_, i) => i % 100 === 0);
    expect([...firstOfEachMs].sort()).toEqual(firstOfEachMs);
  });
});
