import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { userIdFromSessionToken } from "./request";

const secret = "x".repeat(40);

describe("userIdFromSessionToken", () => {
  it("reads the user id from a token next-auth issued with our secret", async () => {
    const token = await encode({ token: { sub: "0b6f5f4e-3c1a-4f7e-9d2b-5a8c7e6d4f31" }, secret });
    await expect(userIdFromSessionToken(token, secret)).resolves.toBe(
      "0b6f5f4e-3c1a-4f7e-9d2b-5a8c7e6d4f31",
    );
  });

  it("refuses a token made with another secret, an expired one and garbage", async () => {
    const foreign = await encode({ token: { sub: "someone" }, secret: "y".repeat(40) });
    const expired = await encode({ token: { sub: "someone" }, secret, maxAge: -60 });
    await expect(userIdFromSessionToken(foreign, secret)).resolves.toBeNull();
    await expect(userIdFromSessionToken(expired, secret)).resolves.toBeNull();
    await expect(userIdFromSessionToken("not-a-jwt", secret)).resolves.toBeNull();
  });
});
