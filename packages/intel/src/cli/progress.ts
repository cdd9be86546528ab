import type { IngestProgress } from "../ingest/ingest-file";
import { fmt } from "./database";

const BAR_WIDTH = 24;
const PLAIN_EVERY_MS = 5000;

function describe(p: IngestProgress): string {
  const seconds = Math.max(p.elapsedMs / 1000, 0.001);
  return `${fmt(p.linesRead)} lines, ${fmt(p.linesRead / seconds)} lines/s, inserted ${fmt(p.inserted)}, duplicates ${fmt(p.duplicates)} (near ${fmt(p.nearDuplicates)}), invalid ${fmt(p.invalid)}`;
}

/**
 * Progress for `pnpm ingest`: a redrawn bar on a terminal; on a pipe or in CI, a plain line every few seconds.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stdout): { update(file: string, p: IngestProgress): void; done(): void } {
  const tty = stream.isTTY;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(file, p) {
      if (tty) {
        const fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
        const filled = Math.round(fraction * BAR_WIDTH);
        const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
        const line = `${bar} ${String(Math.round(fraction * 100)).padStart(3)}%  ${describe(p)}`;
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 160) - 1)}`);
        drawn = true;
        return;
      }
      const now = Date.now();
      if (now - lastPlain >= PLAIN_EVERY_MS) {
        lastPlain = now;
        stream.write(`ingest: ${file}: ${describe(p)}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write("\n");
      drawn = false;
      lastPlain = 0;
    },
  };
}

export { describe as describeProgress };
