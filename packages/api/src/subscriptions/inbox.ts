import type { GrievanceLiveEvent } from "@sunuwai/validators";

export const GAP = Symbol("gap");
export type InboxItem = GrievanceLiveEvent | typeof GAP;

/**
 * One subscriber's queue between the hub (which must never wait) and its SSE stream. A subscriber that falls
 * `limit` events behind drops them for a single GAP marker, and catches up from the event log instead.
 */
export class LiveInbox {
  private items: InboxItem[] = [];
  private wake: (() => void) | null = null;

  constructor(private readonly limit = 1_000) {}

  push(event: GrievanceLiveEvent): void {
    if (this.items.length >= this.limit) this.items = [GAP];
    else this.items.push(event);
    this.notify();
  }

  gap(): void {
    if (this.items.at(-1) !== GAP) this.items.push(GAP);
    this.notify();
  }

  /** Items in arrival order until `signal` aborts. */
  async *drain(signal: AbortSignal): AsyncGenerator<InboxItem> {
    while (!signal.aborted) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener("abort", done);
          this.wake = null;
          resolve();
        };
        this.wake = done;
        signal.addEventListener("abort", done, { once: true });
      });
    }
  }

  private notify(): void {
    this.wake?.();
  }
}

/** The last `size` event ids delivered, so an event both replayed and heard live goes out once. */
export class RecentIds {
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly size = 2_000) {}

  has(id: string): boolean {
    return this.seen.has(id);
  }

  add(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.order.push(id);
    if (this.order.length > this.size) this.seen.delete(this.order.shift() ?? "");
  }
}
