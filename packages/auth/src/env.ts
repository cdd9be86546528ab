import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const MISSING_SECRET =
  "AUTH_SECRET (or NEXTAUTH_SECRET) is missing or shorter than 32 characters. " +
  "`pnpm start` and `pnpm dev` generate one under DATA_DIR; in production set it yourself, " +
  "e.g. `AUTH_SECRET=$(openssl rand -base64 32)`.";

function readAuthEnv() {
  return createEnv({
    server: {
      /** Signs and encrypts session cookies. At least 32 characters. */
      AUTH_SECRET: z.string().min(32),
    },
    runtimeEnv: { AUTH_SECRET: process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET },
    emptyStringAsUndefined: true,
    onValidationError: () => {
      throw new Error(MISSING_SECRET);
    },
  });
}

let cached: ReturnType<typeof readAuthEnv> | undefined;

/**
 * Validated on first use rather than at import, so client-safe modules and `next build` can import this
 * package without the secret; the web server calls it at start-up to refuse to run without one.
 */
export function authEnv(): ReturnType<typeof readAuthEnv> {
  cached ??= readAuthEnv();
  return cached;
}
