import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const testingEnv = createEnv({
  server: {
    /** An admin database on a running PostgreSQL (`pnpm test` sets it); unset: each run starts its own. */
    SUNUWAI_TEST_DATABASE_URL: z.string().url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
