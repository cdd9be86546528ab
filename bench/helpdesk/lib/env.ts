// The helpdesk benchmarks' settings: the only module here that reads the environment.

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

export const benchEnv = {
  /** Open-loop rate of grievance.create (and of its health baseline). The goal is set at 100/s. */
  createRate: positiveInteger("BENCH_CREATE_RATE", 100),
};
