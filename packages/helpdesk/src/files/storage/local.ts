import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@sunuwai/validators/errors";
import { assertStorageKey } from "./types";
import type { FileStorage } from "./types";

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/**
 * Files on local disk under `root` (`<DATA_DIR>/files`, outside any web root). Writes go to a temporary file
 * in `root/.incoming` (same file system) and are renamed into place only after the stream ended cleanly.
 */
export class LocalFileStorage implements FileStorage {
  readonly backend = "local";
  readonly incomingDir: string;

  constructor(readonly root: string) {
    this.incomingDir = path.join(root, ".incoming");
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    const finalPath = this.pathOf(key);
    await mkdir(this.incomingDir, { recursive: true, mode: 0o700 });
    const partPath = path.join(this.incomingDir, `${randomUUID()}.part`);
    try {
      const out = createWriteStream(partPath, { flags: "wx", mode: 0o600 });
      await pipeline(body, out);
      await mkdir(path.dirname(finalPath), { recursive: true, mode: 0o700 });
      await rename(partPath, finalPath);
      return { size: out.bytesWritten };
    } catch (error) {
      await rm(partPath, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), "r");
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new AppError("NOT_FOUND", "The file is no longer stored.");
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const info = await stat(this.pathOf(key));
      return { size: info.size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
