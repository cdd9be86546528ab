import type { Db } from "./client";

export interface WorkerHeartbeatStatus {
  /** "running" when at least one worker checked in within `maxAgeMs`. */
  status: "running" | "stopped";
  /** Workers that checked in within `maxAgeMs`. */
  workers: number;
  /** Latest check-in of any worker still registered (a crashed one stays listed until it is cleaned up). */
  lastSeenAt: Date | null;
}

/**
 * Reads the rows apps/worker keeps fresh. Ages are measured with the database's clock, which also wrote
 * `seenAt`, so web and worker hosts need not agree on the time.
 */
export async function readWorkerHeartbeat(
  db: Pick<Db, "$queryRaw">,
  { maxAgeMs = 30_000 }: { maxAgeMs?: number } = {},
): Promise<WorkerHeartbeatStatus> {
  const rows = await db.$queryRaw<{ workers: number; lastSeenAt: Date | null }[]>`
    SELECT count(*) FILTER (WHERE "seenAt" >= now() - make_interval(secs => ${maxAgeMs / 1000}::float8))::int AS workers,
           max("seenAt") AS "lastSeenAt"
    FROM "WorkerHeartbeat"`;
  const workers = rows[0]?.workers ?? 0;
  return {
    status: workers > 0 ? "running" : "stopped",
    workers,
    lastSeenAt: rows[0]?.lastSeenAt ?? null,
  };
}
