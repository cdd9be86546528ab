export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

type Level = "info" | "warn" | "error";

/** One JSON object per line on stderr: easy to grep locally, easy to ship to a log store in production. */
export function createLogger(
  bindings: LogFields = {},
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const log = (level: Level, message: string, fields?: LogFields) => {
    write(
      JSON.stringify({
        level,
        time: new Date().toISOString(),
        msg: message,
        ...bindings,
        ...fields,
      }),
    );
  };
  return {
    info: (message, fields) => log("info", message, fields),
    warn: (message, fields) => log("warn", message, fields),
    error: (message, fields) => log("error", message, fields),
    child: (fields) => createLogger({ ...bindings, ...fields }, write),
  };
}

export const logger = createLogger({ service: "api" });
