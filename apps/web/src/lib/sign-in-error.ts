import { en } from "~/messages/en";

// Messages the auth package's `authorize` may throw, shown word for word. Anything else (a code from
// next-auth, or text someone put into `?error=` of a link) becomes a fixed message, never echoed back.
const SHOWN_AS_IS = [
  /^Invalid email or password\.$/,
  /^Account locked\. Try again in \d+ minutes?\.$/,
  /^This account is disabled\. Ask an administrator to enable it\.$/,
];

/** The message the login form shows for next-auth's `error` value. */
export function describeSignInError(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return en.login.invalidCredentials;
  if (error === "SessionRequired") return en.login.sessionEnded;
  if (SHOWN_AS_IS.some((pattern) => pattern.test(error))) return error;
  return en.login.failed;
}
