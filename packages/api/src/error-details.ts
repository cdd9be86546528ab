const MAX_MESSAGE_LENGTH = 500;

/**
 * Error messages from PostgreSQL and Prisma can quote the values of a query (emails, phone numbers, names).
 * The log keeps the shape of the message and drops the values.
 */
export function redactMessage(message: string): string {
  return message
    .replace(/=\([^)\n]{1,300}\)/g, "=(…)")
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "<email>")
    .replace(/(["'])(?:(?!\1)[^\n]){1,300}\1/g, "$1…$1")
    .replace(/\+?\d[\d\s-]{6,}\d/g, "<number>")
    .slice(0, MAX_MESSAGE_LENGTH);
}

/** What the server log records about an unexpected error: its kind, codes and frames, without personal data. */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, meta } = error as {
    code?: unknown;
    meta?: { modelName?: unknown; driverAdapterError?: unknown };
  };
  return {
    name: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof meta?.modelName === "string" ? { model: meta.modelName } : {}),
    message: redactMessage(error.message),
    // Only the frames: the rest of a stack repeats the message (Prisma's even quotes the calling code).
    stack: error.stack
      ?.split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 10)
      .join("\n"),
    ...(error.cause !== undefined && depth < 3
      ? { cause: describeError(error.cause, depth + 1) }
      : {}),
  };
}
