// The helpdesk benchmarks' settings, from the environment.
import { positiveInteger } from "../../env";

export const benchEnv = {
  /** Open-loop rate of grievance.create (and of its health baseline). The goal is set at 100/s. */
  createRate: positiveInteger("BENCH_CREATE_RATE", 100),
  /** When set, the app's web and worker processes write V8 CPU profiles (.cpuprofile) into this directory. */
  profileDir: process.env.BENCH_PROFILE_DIR || undefined,
};
