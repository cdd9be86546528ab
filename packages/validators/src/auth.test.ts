import { describe, expect, it } from "vitest";
import { credentialsSchema, viewerSchema } from "./auth";
import { createApiTokenInputSchema } from "./admin";

describe("credentialsSchema", () => {
  it("normalises the email the way users are stored", () => {
    const parsed = credentialsSchema.parse({ email: "  Officer@Sunuwai.LOCAL ", password: "pw" });
    expect(parsed.email).toBe("officer@sunuwai.local");
  });

  it("refuses a malformed email and an empty password", () => {
    expect(credentialsSchema.safeParse({ email: "not-an-email", password: "pw" }).success).toBe(
      false,
    );
    expect(credentialsSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
  });

  it("refuses a password too long to be worth hashing", () => {
    expect(
      credentialsSchema.safeParse({ email: "a@b.co", password: "x".repeat(1025) }).success,
    ).toBe(false);
  });
});

describe("viewerSchema", () => {
  it("tells users and tokens apart", () => {
    const token = viewerSchema.parse({
      kind: "token",
      tokenId: "7c0d6c4e-93c6-4a5e-9a3f-0a3f6c1f2b11",
      name: "chatbot",
      scopes: ["wards:read"],
    });
    expect(token.kind).toBe("token");
    expect(viewerSchema.safeParse({ ...token, scopes: ["delete:everything"] }).success).toBe(false);
  });
});

describe("createApiTokenInputSchema", () => {
  it("needs a name and at least one known scope, and drops repeats", () => {
    expect(createApiTokenInputSchema.safeParse({ name: "bot", scopes: [] }).success).toBe(false);
    expect(createApiTokenInputSchema.safeParse({ name: " ", scopes: ["wards:read"] }).success).toBe(
      false,
    );
    expect(
      createApiTokenInputSchema.parse({ name: "bot", scopes: ["wards:read", "wards:read"] }).scopes,
    ).toEqual(["wards:read"]);
  });
});
