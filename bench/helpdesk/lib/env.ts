// The helpdesk benchmarks' settings, from the environment.
import { positiveInteger } from "../../env";

export const benchEnv = {
  /** Open-loop rate of grievance.create (and of its health baseline). The goal is set at 100/s. */
  createRate: positiveInteger("BENCH_CREATE_RATE", 100),
};
