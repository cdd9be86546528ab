import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";

/** Where attachment bytes live. Keys are random and never derived from anything a client sent. */
export interface FileStorage {
  readonly backend: "local" | "uploadthing";
  /**
   * Stores the whole stream under `key`; nothing appears under the key unless the stream ends without error.
   * `contentType` may be a function: an upload's type is only known once its first bytes have been read.
   */
  put(key: string, body: Readable, contentType: string | (() => string)): Promise<{ size: number }>;
  /** The stored bytes; throws AppError NOT_FOUND when there is no such object. */
  get(key: string): Promise<Readable>;
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

const STORAGE_KEY =
  /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `ab/cd/abcd…-uuid`: the first bytes fan the files out over folders so none grows huge. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

/** Refuses anything that is not a key this module made, so a key can never point outside the store. */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}
