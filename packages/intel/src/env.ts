import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const env = createEnv({
  server: {
    /** Any PostgreSQL ≥ 14; unset: the CLIs use the embedded PostgreSQL under DATA_DIR (as `pnpm start` does). */
    DATABASE_URL: z.string().url().optional(),
    /** Time zone of the daily inbox ingestion (graphile-worker's cron runs in UTC; the line is converted). */
    INTEL_INGEST_TIMEZONE: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Kathmandu").default("Asia/Kathmandu"),
    /** Local time of the daily inbox ingestion, HH:MM. */
    INTEL_INGEST_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, "must be HH:MM")
      .default("06:00"),
    /** What reads sentiment, topics and party of new articles: the offline lexicon, or OpenAI (the OPENAI_* settings). */
    INTEL_ANALYSER: z.enum(["lexicon", "openai"]).default("lexicon"),
    /** The helpdesk's OpenAI settings, shared: key, any OpenAI-compatible server, chat model, per-request timeout. */
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** Set by pnpm to the folder `pnpm ingest …` was typed in; the CLIs resolve relative paths against it. */
    INIT_CWD: z.string().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
