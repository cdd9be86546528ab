import { afterEach, describe, expect, it, vi } from "vitest";

async function freshAuthEnv() {
  vi.resetModules();
  const { authEnv } = await import("./env");
  return authEnv;
}

describe("authEnv", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses to run without a secret and says how to get one", async () => {
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const authEnv = await freshAuthEnv();
    expect(() => authEnv()).toThrow(
      /AUTH_SECRET \(or NEXTAUTH_SECRET\) is missing or shorter than 32 characters/,
    );
  });

  it("refuses a secret shorter than 32 characters", async () => {
    vi.stubEnv("AUTH_SECRET", "too-short");
    const authEnv = await freshAuthEnv();
    expect(() => authEnv()).toThrow(/shorter than 32 characters/);
  });

  it("accepts NEXTAUTH_SECRET when AUTH_SECRET is unset", async () => {
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(32));
    const authEnv = await freshAuthEnv();
    expect(authEnv().AUTH_SECRET).toBe("n".repeat(32));
  });
});
