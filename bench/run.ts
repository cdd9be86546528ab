// `pnpm bench [filter]`: runs every bench/**/*.bench.ts in its own process, one after another (they
// measure throughput and latency, so they must not share the 2 cores with each other).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const here = import.meta.dirname;
const filter = process.argv[2];

function findBenchmarks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : findBenchmarks(full);
    return entry.name.endsWith(".bench.ts") ? [full] : [];
  });
}

const benchmarks = findBenchmarks(here)
  .filter((file) => !filter || file.includes(filter))
  .sort();
if (benchmarks.length === 0) {
  console.log(filter ? `No benchmark matches "${filter}".` : "No benchmarks found under bench/.");
  process.exit(filter ? 1 : 0);
}

let failed = 0;
for (const file of benchmarks) {
  console.log(`\n▶ ${path.relative(here, file)}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit", cwd: here });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
