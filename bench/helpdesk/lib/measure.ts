/** Latency figures of one series, in milliseconds. */
export interface Figures {
  count: number;
  errors: number;
  /** Failures by reason, most frequent first. */
  reasons: [string, number][];
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function figures(
  latencies: readonly number[],
  failures: ReadonlyMap<string, number> = new Map(),
): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors: [...failures.values()].reduce((sum, n) => sum + n, 0),
    reasons: [...failures].sort((a, b) => b[1] - a[1]),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function describeFigures(name: string, f: Figures): string {
  const line = `${name.padEnd(30)} n=${String(f.count).padStart(5)}  errors=${f.errors}  p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  p99 ${ms(f.p99)}  max ${ms(f.max)}`;
  const reasons = f.reasons.slice(0, 3).map(([reason, n]) => `\n${" ".repeat(32)}${n}× ${reason}`);
  return line + reasons.join("");
}

/**
 * Open-loop load: request i is sent at start + i/rate whether or not earlier ones have answered, and its latency
 * counts from that scheduled moment (so a stalled server cannot hide its queue by slowing the sender down).
 */
export async function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<true | string>,
): Promise<Figures> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const fail = (reason: string) => {
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
  };
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < total; i += 1) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      send(i).then(
        (result) => {
          if (result === true) latencies.push(performance.now() - scheduled);
          else fail(result);
        },
        (error: unknown) => fail(String(error)),
      ),
    );
  }
  await Promise.all(pending);
  return figures(latencies, failures);
}
