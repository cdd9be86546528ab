import { copyFile, mkdir, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@sunuwai/validators/errors";
import { ingestFile } from "./ingest-file";
import type { IngestDeps, IngestFileInput, IngestResult } from "./ingest-file";

const JSONL = /\.(jsonl|ndjson)$/iu;

/** Where a processed file goes: `processed/` or `failed/` beside the folder it was in. */
export function destinationFor(file: string, failed: boolean): string {
  return path.join(path.dirname(path.dirname(path.resolve(file))), failed ? "failed" : "processed");
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Moves `file` into `folder`, never over another file (a timestamp is added), across devices too. */
export async function moveInto(file: string, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const base = path.basename(file);
  let target = path.join(folder, base);
  if (await exists(target)) {
    const ext = path.extname(base);
    target = path.join(folder, `${path.basename(base, ext)}.${new Date().toISOString().replace(/[:.]/gu, "-")}${ext}`);
  }
  try {
    await rename(file, target);
  } catch (error) {
    if (!(typeof error === "object" && error !== null && "code" in error && error.code === "EXDEV")) throw error;
    await copyFile(file, target);
    await unlink(file);
  }
  return target;
}

export interface DirFileOutcome {
  file: string;
  result?: IngestResult;
  /** Set when the file could not be ingested (it stays where it was unless it was refused as invalid). */
  error?: string;
  movedTo?: string;
}

/** `.jsonl`/`.ndjson` files directly inside `dir`, by name. */
export async function listInboxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT") return [];
    throw error;
  });
  return entries.filter((e) => e.isFile() && JSONL.test(e.name)).map((e) => path.join(dir, e.name)).sort();
}

/**
 * Ingests every JSONL file in `dir`, one after another. With `move`, a file goes to `processed/` (its good lines are
 * in, even if some were invalid) or `failed/` (no valid line) beside `dir`; a file that stopped on an error stays for
 * the next run.
 */
export async function ingestDir(
  deps: IngestDeps,
  input: { dir: string; move: boolean } & Omit<IngestFileInput, "path" | "inboxDir" | "displayName" | "ingestRunId"> & {
    onFile?: (file: string, index: number, count: number) => void;
  },
): Promise<DirFileOutcome[]> {
  const { dir, move, onFile, ...options } = input;
  const files = await listInboxFiles(dir);
  const outcomes: DirFileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    onFile?.(file, index, files.length);
    try {
      const result = await ingestFile(deps, { ...options, path: file, inboxDir: dir });
      const outcome: DirFileOutcome = { file, result };
      if (move && (await exists(file))) outcome.movedTo = await moveInto(file, destinationFor(file, result.status === "FAILED"));
      outcomes.push(outcome);
    } catch (error) {
      // Another run moved it away first: nothing left to do for this file.
      if (error instanceof AppError && error.code === "NOT_FOUND") continue;
      outcomes.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
