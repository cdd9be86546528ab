import { listen } from "@sunuwai/db/events";
import type { Listener } from "@sunuwai/db/events";
import { HELPDESK_CHANNEL } from "@sunuwai/helpdesk";
import { grievanceLiveEventSchema } from "@sunuwai/validators";
import type { GrievanceLiveEvent } from "@sunuwai/validators";
import { describeError } from "../error-details";
import { logger as defaultLogger } from "../logger";
import type { Logger } from "../logger";

export interface LiveEventSubscriber {
  deliver(event: GrievanceLiveEvent): void;
  /** The listener lost its connection for a while: notifications may have been missed, catch up from the log. */
  gap(): void;
}

/**
 * The web process's one LISTEN connection on the helpdesk channel, fanned out in memory to every live-updates
 * subscriber (each filters by its own scope). It connects on the first subscription and stays up.
 */
export interface LiveEventHub {
  /** Resolves once the subscriber is registered behind a working LISTEN; call the result to unsubscribe. */
  subscribe(subscriber: LiveEventSubscriber): Promise<() => void>;
  subscriberCount(): number;
  close(): Promise<void>;
}

export interface LiveEventHubOptions {
  connectionString: string;
  logger?: Logger;
  /** First reconnect delay of the listener (doubles up to 30 s). */
  retryDelayMs?: number;
}

export function createLiveEventHub(options: LiveEventHubOptions): LiveEventHub {
  const logger = (options.logger ?? defaultLogger).child({ component: "live-events" });
  const subscribers = new Set<LiveEventSubscriber>();
  let listener: Promise<Listener> | null = null;
  let closed = false;

  function dispatch(payload: unknown): void {
    const parsed = grievanceLiveEventSchema.safeParse(payload);
    if (!parsed.success) {
      logger.warn("Ignored a malformed helpdesk notification");
      return;
    }
    for (const subscriber of subscribers) subscriber.deliver(parsed.data);
  }

  function ensureListening(): Promise<Listener> {
    listener ??= listen(options.connectionString, HELPDESK_CHANNEL, dispatch, {
      retryDelayMs: options.retryDelayMs,
      onReconnect: () => {
        logger.info("Live events listener reconnected; subscribers catch up from the event log");
        for (const subscriber of subscribers) subscriber.gap();
      },
      onError: (error) =>
        logger.warn("Live events listener lost its connection", { error: describeError(error) }),
    }).catch((error: unknown) => {
      // Let the next subscription try again instead of failing forever on one bad moment.
      listener = null;
      throw error;
    });
    return listener;
  }

  return {
    async subscribe(subscriber) {
      if (closed) throw new Error("The live events hub is closed");
      await ensureListening();
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    subscriberCount: () => subscribers.size,
    async close() {
      closed = true;
      subscribers.clear();
      const current = listener;
      listener = null;
      if (current) await current.then((l) => l.close()).catch(() => undefined);
    },
  };
}

const globalForHubs = globalThis as unknown as { sunuwaiLiveEventHubs?: Map<string, LiveEventHub> };

/** The process-wide hub for a database (one LISTEN connection per web process, kept across hot reloads). */
export function liveEventHubFor(connectionString: string, logger?: Logger): LiveEventHub {
  const hubs = (globalForHubs.sunuwaiLiveEventHubs ??= new Map<string, LiveEventHub>());
  let hub = hubs.get(connectionString);
  if (!hub) {
    hub = createLiveEventHub({ connectionString, logger });
    hubs.set(connectionString, hub);
  }
  return hub;
}
