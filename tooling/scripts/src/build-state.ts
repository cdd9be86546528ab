import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["apps/web", "packages"];
const SKIP = new Set(["node_modules", ".next", ".turbo", "dist", "generated", "e2e", "test"]);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|json|mjs)$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the web app needs a production build, or null when the last build is newer than every source. */
export function webBuildNeeded(root: string): string | null {
  const buildId = path.join(root, "apps/web/.next/BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const changed = SOURCE_DIRS.some((dir) => newestMtime(path.join(root, dir)) > builtAt);
  return changed ? "sources changed since the last build" : null;
}
