import pg from "pg";
import type { Tx } from "./client";

/** Postgres caps a NOTIFY payload at 8000 bytes; payloads carry ids, never documents. */
const MAX_PAYLOAD_BYTES = 8000;
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel))
    throw new Error(`Invalid channel name "${channel}": use lower-case letters, digits and _`);
}

/**
 * Sends `payload` (JSON) on `channel` through the caller's client. Inside a transaction Postgres delivers it only
 * when the transaction commits, and never if it rolls back.
 */
export async function notify(
  client: Pick<Tx, "$executeRaw">,
  channel: string,
  payload: unknown,
): Promise<void> {
  checkChannel(channel);
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text, "utf8") >= MAX_PAYLOAD_BYTES) {
    throw new Error(
      `NOTIFY payload on "${channel}" is ${Buffer.byteLength(text, "utf8")} bytes; the limit is ${MAX_PAYLOAD_BYTES - 1}`,
    );
  }
  await client.$executeRaw`SELECT pg_notify(${channel}, ${text})`;
}

export interface ListenOptions {
  /** Called after a lost connection is re-established; notifications sent meanwhile were missed, so catch up. */
  onReconnect?: () => void;
  /** Connection problems (the listener keeps retrying); default: ignored. */
  onError?: (error: Error) => void;
  /** First retry delay; doubles up to 30 s. */
  retryDelayMs?: number;
}

export interface Listener {
  /** Stops listening and closes the connection; no callback runs afterwards. */
  close(): Promise<void>;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * LISTENs on `channel` over a dedicated connection (a pooled one would lose the subscription) and calls
 * `onMessage` with each parsed JSON payload. Reconnects with backoff when the connection drops. Resolves once the
 * first LISTEN is in place, so a notification committed after that is received.
 */
export async function listen(
  connectionString: string,
  channel: string,
  onMessage: (payload: unknown) => void,
  options: ListenOptions = {},
): Promise<Listener> {
  checkChannel(channel);
  const baseDelay = options.retryDelayMs ?? 500;
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const report = (error: unknown) =>
    options.onError?.(error instanceof Error ? error : new Error(String(error)));

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (closed || message.channel !== channel || message.payload === undefined) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message.payload);
      } catch {
        payload = message.payload;
      }
      onMessage(payload);
    });
    next.on("error", (error) => {
      report(error);
      lose(next);
    });
    next.on("end", () => lose(next));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
    } catch (error) {
      lose(next);
      throw error;
    }
  }

  /** Idempotent per connection: the first of error/end/failed connect schedules one retry. */
  function lose(lost: pg.Client): void {
    if (client !== lost) return;
    client = undefined;
    lost.end().catch(() => undefined);
    if (closed) return;
    const delay = Math.min(baseDelay * 2 ** failures, MAX_RETRY_DELAY_MS);
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (closed) return;
      connect().then(() => {
        failures = 0;
        if (!closed) options.onReconnect?.();
      }, report);
    }, delay);
  }

  try {
    await connect();
  } catch (error) {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    throw error;
  }

  return {
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
