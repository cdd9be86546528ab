import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    /** Any PostgreSQL ≥ 14. Unset: the embedded PostgreSQL under DATA_DIR is used. */
    DATABASE_URL: z.string().url().optional(),
    /** Local state: embedded PostgreSQL, generated secrets, uploaded files. Default `<repo>/.data`. */
    DATA_DIR: z.string().min(1).optional(),
    /** Connections per process in the pg pool. */
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    /** Password of the seeded dev users (`pnpm db:seed`). Unset: generated once, saved under DATA_DIR. */
    SEED_PASSWORD: z.string().min(8).optional(),
    /** Secret of the seeded "chatbot" API token. Unset: generated once, saved under DATA_DIR. */
    SEED_CHATBOT_TOKEN: z.string().min(16).optional(),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
