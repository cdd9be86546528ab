import type { JobHelpers } from "@sunuwai/jobs";

/** Where a job stands in graphile-worker's retries; `attempts` already counts the run in progress. */
export interface Attempt {
  attempts: number;
  maxAttempts: number;
}

export function attemptOf(helpers: JobHelpers): Attempt {
  return { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
}

/** True on the run after which graphile-worker will not retry the job. */
export function isFinalAttempt(attempt: Attempt): boolean {
  return attempt.attempts >= attempt.maxAttempts;
}

/** A short, PII-free description of why an outside service failed, for an event payload. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split("\n")[0]?.slice(0, 300) ?? "unknown error";
}
