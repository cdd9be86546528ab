import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import readline from "node:readline";

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number>;
}

/** Runs a command with its output prefixed by `[name]`; the promise resolves with the exit code. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}]`.padEnd(9);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline
      .createInterface({ input: stream })
      .on("line", (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  const exited = new Promise<number>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.once("error", (error) => {
      process.stdout.write(`${prefix}failed to start: ${error.message}\n`);
      resolve(1);
    });
  });
  return { name, child, exited };
}

/** SIGTERM, then SIGKILL after `graceMs` if the process is still running. */
export async function stopProcess(proc: ManagedProcess, graceMs = 10_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Runs a command to completion with inherited output; throws on a non-zero exit. */
export function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}
