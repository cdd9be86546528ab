/** mulberry32: a tiny seeded generator, so the held-out split is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle with the given generator (a copy; the input is left alone). */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled;
}

/** Splits each label's examples (in a seeded shuffle) so the test part holds `testShare` of every label. */
export function stratifiedSplit<T extends { label: string }>(
  items: readonly T[],
  testShare: number,
  seed: number,
): { train: T[]; test: T[] } {
  const random = seededRandom(seed);
  const byLabel = new Map<string, T[]>();
  for (const item of items) byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item]);
  const train: T[] = [];
  const test: T[] = [];
  for (const group of byLabel.values()) {
    const shuffled = seededShuffle(group, random);
    const testCount = Math.round(shuffled.length * testShare);
    test.push(...shuffled.slice(0, testCount));
    train.push(...shuffled.slice(testCount));
  }
  return { train, test };
}
