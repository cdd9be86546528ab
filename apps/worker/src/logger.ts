import { Logger } from "graphile-worker";
import type { LogLevel } from "graphile-worker";

const RANK: Record<LogLevel, number> = { error: 0, warning: 1, info: 2, debug: 3 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Log = (level: LogLevel, message: string, fields?: LogFields) => void;

/** One JSON object per line on stdout, for log shippers. Callers pass ids and counts only, never payloads. */
export function createJsonLog(
  minLevel: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l),
): Log {
  return (level, message, fields) => {
    if (RANK[level] > RANK[minLevel]) return;
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`,
    );
  };
}

/**
 * graphile-worker's logger routed into `log`. Its `meta` argument is dropped on purpose: it can hold whole
 * job rows, payloads included, and payloads are not for logs.
 */
export function graphileLogger(log: Log): Logger {
  return new Logger((scope) => (level, message) => {
    log(level, message, {
      component: "graphile-worker",
      label: scope.label,
      workerId: scope.workerId,
      task: scope.taskIdentifier,
      jobId: scope.jobId,
    });
  });
}
