import { describe, expect, it } from "vitest";
import { describeSignInError } from "./sign-in-error";

describe("describeSignInError", () => {
  it("explains a failed sign-in without saying whether the email exists", () => {
    expect(describeSignInError("CredentialsSignin")).toBe("Invalid email or password.");
    expect(describeSignInError("Invalid email or password.")).toBe("Invalid email or password.");
  });

  it("shows the lockout and disabled-account messages of the auth package as they are", () => {
    expect(describeSignInError("Account locked. Try again in 14 minutes.")).toBe(
      "Account locked. Try again in 14 minutes.",
    );
    expect(
      describeSignInError("This account is disabled. Ask an administrator to enable it."),
    ).toMatch(/disabled/);
  });

  it("never echoes other text from the URL", () => {
    expect(describeSignInError("Call +977 1 555 0100 to reset your password")).toBe(
      "Sign-in failed. Please try again.",
    );
    expect(describeSignInError(null)).toBeNull();
  });
});
