// Builds the production app before the tests when there is no build, or the sources changed since the last
// one (under `turbo run test` the build task has just run and this is a no-op).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const WEB_DIR = path.resolve(import.meta.dirname, "..");

const REPO_ROOT = path.resolve(WEB_DIR, "../..");
const SKIP = new Set(["node_modules", ".next", ".turbo", "generated", "test", "e2e"]);

function newestSourceMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory())
    return /\.(tsx?|css|json|mjs)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (!SKIP.has(name)) newest = Math.max(newest, newestSourceMtime(path.join(entry, name)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(WEB_DIR, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = [
    path.join(WEB_DIR, "src"),
    path.join(WEB_DIR, "next.config.ts"),
    path.join(WEB_DIR, "package.json"),
    ...readdirSync(path.join(REPO_ROOT, "packages")).map((name) =>
      path.join(REPO_ROOT, "packages", name, "src"),
    ),
  ];
  return Math.max(...sources.map(newestSourceMtime)) > statSync(buildId).mtimeMs;
}

export default function setup() {
  if (!buildIsStale()) return;
  console.log("[web tests] building the production app (next build)…");
  execFileSync(process.execPath, [path.join(WEB_DIR, "node_modules/next/dist/bin/next"), "build"], {
    cwd: WEB_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}
