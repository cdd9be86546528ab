import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { IngestProgress } from "../ingest/ingest-file";
import { createProgressReporter } from "./progress";

function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; output: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 200 }) as unknown as NodeJS.WriteStream;
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream, output: () => text };
}

const halfway: IngestProgress = {
  linesRead: 20_000, bytesRead: 50, totalBytes: 100, inserted: 15_000, duplicates: 4_000, nearDuplicates: 250, invalid: 1_000, elapsedMs: 2_000,
};

describe("pnpm ingest progress", () => {
  it("redraws one bar on a terminal with lines/s, inserted, duplicates and invalid", () => {
    const { stream, output } = terminal(true);
    const progress = createProgressReporter(stream);
    progress.update("day.jsonl", { ...halfway, linesRead: 10_000, bytesRead: 25, elapsedMs: 1_000 });
    progress.update("day.jsonl", halfway);
    progress.done();
    const frames = output().split("\r\x1b[2K").filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBe(
      `${"█".repeat(12)}${"░".repeat(12)}  50%  20,000 lines, 10,000 lines/s, inserted 15,000, duplicates 4,000 (near 250), invalid 1,000\n`,
    );
  });

  it("writes a plain line at most every few seconds on a pipe", () => {
    const { stream, output } = terminal(false);
    const progress = createProgressReporter(stream);
    progress.update("day.jsonl", halfway);
    progress.update("day.jsonl", halfway);
    expect(output()).toBe("ingest: day.jsonl: 20,000 lines, 10,000 lines/s, inserted 15,000, duplicates 4,000 (near 250), invalid 1,000\n");
  });
});
