import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const env = createEnv({
  server: {
    /** PostgreSQL the app reads and writes (`pnpm start` points it at the embedded server). */
    DATABASE_URL: z.url(),
    /** Signs and encrypts session cookies (NEXTAUTH_SECRET is accepted as an alias). At least 32 characters. */
    AUTH_SECRET: z.string().min(32),
    /** Public URL of the app, for next-auth's callbacks; inferred from the request when unset. */
    NEXTAUTH_URL: z.url().optional(),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
  },
  // `next build` loads route modules without the runtime environment; the running server validates it.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build" || process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
