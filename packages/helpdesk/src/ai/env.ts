import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** AI settings. Without OPENAI_API_KEY the offline classifier and summariser shipped in the repo run instead. */
export const aiEnv = createEnv({
  server: {
    OPENAI_API_KEY: z.string().min(1).optional(),
    /** Any OpenAI-compatible server; unset: api.openai.com. */
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    OPENAI_TRANSCRIPTION_MODEL: z.string().min(1).default("whisper-1"),
    /** Per request; graphile-worker retries a job whose request timed out. */
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** Comma-separated category list; unset: the default list (see ai/categories.ts). */
    GRIEVANCE_CATEGORIES: z.string().min(1).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
