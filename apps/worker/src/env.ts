import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    /** The database holding the job queue (and everything else). Set by `pnpm start`/`pnpm dev`. */
    DATABASE_URL: z.string().url().optional(),
    /** Jobs run at the same time by this process. */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    /** Fallback poll for future-dated jobs and retries; new jobs arrive at once via LISTEN/NOTIFY. */
    WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
    /** How long running jobs may take to finish after SIGTERM before they are released for a retry
     * (below `pnpm start`'s 10 s grace; raise it with your supervisor's, e.g. Kubernetes' 30 s). */
    WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(8_000),
    WORKER_LOG_LEVEL: z.enum(["error", "warning", "info", "debug"]).default("info"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
