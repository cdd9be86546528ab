import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Db } from "@sunuwai/db";
import type { Log } from "./logger";

export interface Heartbeat {
  workerId: string;
  /** Stops beating and removes this worker's row, so readers see it stopped at once. */
  stop(): Promise<void>;
}

/** Rows of workers that died without a clean shutdown stop mattering after this long. */
const FORGET_AFTER = "1 hour";

/**
 * Keeps a `WorkerHeartbeat` row fresh every `intervalMs` for the web's health check. `seenAt` uses the
 * database clock, the same one `readWorkerHeartbeat` compares against.
 */
export async function startHeartbeat(
  db: Db,
  { intervalMs, log }: { intervalMs: number; log: Log },
): Promise<Heartbeat> {
  const hostname = os.hostname();
  const workerId = `${hostname}:${process.pid}:${randomBytes(4).toString("hex")}`;

  const beat = () => db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("workerId", "hostname", "pid", "startedAt", "seenAt")
    VALUES (${workerId}, ${hostname}, ${process.pid}, now(), now())
    ON CONFLICT ("workerId") DO UPDATE SET "seenAt" = now()`;

  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < now() - ${FORGET_AFTER}::interval`;
  await beat();

  let pending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    pending = beat().catch((error: unknown) => {
      log("warning", "heartbeat write failed", {
        workerId,
        error: error instanceof Error ? error.message : "unknown",
      });
    });
  }, intervalMs);
  timer.unref();

  return {
    workerId,
    async stop() {
      clearInterval(timer);
      await pending;
      await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "workerId" = ${workerId}`;
    },
  };
}
