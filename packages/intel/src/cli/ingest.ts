// `pnpm ingest <file|dir> [--move]`: ingest e-paper JSONL into the database.
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPostAnalyser } from "../analysis/select";
import { destinationFor, ingestDir, moveInto } from "../ingest/ingest-dir";
import { ingestFile } from "../ingest/ingest-file";
import type { IngestResult } from "../ingest/ingest-file";
import { argPath, connectPg, fmt, resolveCliDatabaseUrl, runCli } from "./database";
import { createProgressReporter } from "./progress";

const USAGE = `usage: pnpm ingest <file.jsonl | folder> [--move]
  --move   afterwards move each file to processed/ (or failed/ when no line was valid) beside its folder`;

function summary(result: IngestResult): string {
  const lines = [
    `${result.file}: ${result.status.toLowerCase()} in ${(result.durationMs / 1000).toFixed(1)} s — ${fmt(result.linesTotal)} lines, ` +
      `inserted ${fmt(result.inserted)}, duplicates ${fmt(result.duplicates)}, near-duplicates ${fmt(result.nearDuplicates)}, invalid ${fmt(result.invalid)}`,
  ];
  for (const error of result.errors.slice(0, 20)) lines.push(`  line ${error.line ?? "-"}: ${error.error}`);
  if (result.invalid > 20) lines.push(`  … ${fmt(result.invalid - 20)} more invalid lines (all recorded on run ${result.runId})`);
  if (result.alerts.raised > 0) lines.push(`  alerts raised: ${Object.entries(result.alerts.byKind).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  return lines.join("\n");
}

await runCli("ingest", async () => {
  const { values, positionals } = parseArgs({ options: { move: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
  const target = positionals[0] ? argPath(positionals[0]) : undefined;
  if (values.help || !target || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const info = await stat(target).catch(() => null);
  if (!info) {
    console.error(`ingest: ${target} does not exist`);
    return 1;
  }
  const analyser = await createPostAnalyser();
  const database = await resolveCliDatabaseUrl();
  // Two plain connections carry the whole ingestion (writes; reads that overlap them, and the alerts): Prisma, whose
  // engine alone outweighs the ingestion's working set, is never loaded.
  const [write, read] = await Promise.all([connectPg(database.url, "sunuwai-intel-ingest"), connectPg(database.url, "sunuwai-intel-ingest-read")]);
  const progress = createProgressReporter();
  try {
    const deps = { pg: write, read };
    if (info.isDirectory()) {
      let current = "";
      const outcomes = await ingestDir(deps, {
        dir: target,
        move: values.move ?? false,
        analyser,
        onFile: (file, index, count) => {
          current = path.basename(file);
          console.log(`ingest: [${index + 1}/${count}] ${current}`);
        },
        onProgress: (p) => progress.update(current, p),
      });
      progress.done();
      if (outcomes.length === 0) console.log(`ingest: no .jsonl files in ${target}`);
      for (const outcome of outcomes) {
        if (outcome.result) console.log(summary(outcome.result));
        if (outcome.error) console.error(`${outcome.file}: not ingested: ${outcome.error}`);
        if (outcome.movedTo) console.log(`  moved to ${outcome.movedTo}`);
      }
      return outcomes.some((o) => o.error || o.result?.status === "FAILED") ? 1 : 0;
    }
    const file = target;
    const result = await ingestFile(deps, { path: file, analyser, onProgress: (p) => progress.update(path.basename(file), p) });
    progress.done();
    console.log(summary(result));
    if (values.move) console.log(`  moved to ${await moveInto(file, destinationFor(file, result.status === "FAILED"))}`);
    return result.status === "FAILED" ? 1 : 0;
  } finally {
    await Promise.all([write.end(), read.end()].map((closing) => closing.catch(() => undefined)));
    await database.stop();
  }
});
