// Reading the benchmarks' settings: every bench's env module parses its variables with this.

/** A positive whole number from the environment, or `fallback` when the variable is unset or empty. */
export function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}
