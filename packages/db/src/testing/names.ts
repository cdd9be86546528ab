import { randomBytes } from "node:crypto";

/** Every database a test run creates starts with this, followed by the run's creation time. */
export const TEST_DATABASE_PREFIX = "sunuwai_test_";

/** `sunuwai_test_<epoch seconds>_<random>_`: the prefix of one run's template and test databases. */
export function newRunPrefix(now = new Date()): string {
  return `${TEST_DATABASE_PREFIX}${Math.floor(now.getTime() / 1000)}_${randomBytes(3).toString("hex")}_`;
}

/** When the run that created `database` started, or undefined for a name this harness did not make. */
export function runStartedAt(database: string): Date | undefined {
  const match = new RegExp(`^${TEST_DATABASE_PREFIX}(\\d+)_`).exec(database);
  return match ? new Date(Number(match[1]) * 1000) : undefined;
}
