import { env } from "./env";
import { createJsonLog } from "./logger";

const log = createJsonLog(env.WORKER_LOG_LEVEL);

if (!env.DATABASE_URL) {
  log(
    "error",
    "DATABASE_URL is not set. Start the worker through `pnpm start`/`pnpm dev`, or set DATABASE_URL.",
  );
  process.exit(1);
}

// Loaded after the check above, so a misconfigured start fails at once instead of after compiling every task.
const { startWorker } = await import("./worker");
const worker = await startWorker({
  connectionString: env.DATABASE_URL,
  concurrency: env.WORKER_CONCURRENCY,
  pollInterval: env.WORKER_POLL_INTERVAL_MS,
  shutdownTimeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS,
  log,
});

// Ctrl-C under `pnpm start` delivers SIGINT and then SIGTERM from the supervisor: both join the same stop.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    log("info", `received ${signal}`, { workerId: worker.workerId });
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log("error", "shutdown failed", {
          error: error instanceof Error ? error.message : "unknown",
        });
        process.exit(1);
      },
    );
  });
}

// A runner that ends on its own (lost database, fatal error) ends the process so a supervisor restarts it.
worker.runner.promise.then(
  () => undefined,
  async (error: unknown) => {
    log("error", "worker crashed", { error: error instanceof Error ? error.message : "unknown" });
    await worker.stop().catch(() => undefined);
    process.exit(1);
  },
);
