import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

/** The monorepo root: the nearest folder above `start` holding pnpm-workspace.yaml. */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    // turbopackIgnore: a runtime lookup, not a file the web bundle should trace.
    if (existsSync(path.join(/*turbopackIgnore: true*/ dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

/** DATA_DIR, or `<repo>/.data` when unset. */
export function dataDir(): string {
  return env.DATA_DIR ? path.resolve(findRepoRoot(), env.DATA_DIR) : path.join(findRepoRoot(), ".data");
}
