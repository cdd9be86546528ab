import path from "node:path";
import { dataDir } from "@sunuwai/db";
import { filesEnv } from "../env";
import { LocalFileStorage } from "./local";
import { UploadThingFileStorage } from "./uploadthing";
import type { FileStorage } from "./types";

export { LocalFileStorage } from "./local";
export { UploadThingFileStorage } from "./uploadthing";
export { newStorageKey, assertStorageKey } from "./types";
export type { FileStorage } from "./types";

export interface FileStorageConfig {
  /** Local state folder; files go to `<dataDir>/files`. */
  dataDir: string;
  uploadthingToken?: string | undefined;
}

/** UploadThing when a token is configured, otherwise the local disk. */
export function createFileStorage(config: FileStorageConfig): FileStorage {
  const root = path.join(config.dataDir, "files");
  if (config.uploadthingToken)
    return new UploadThingFileStorage(config.uploadthingToken, path.join(root, ".incoming"));
  return new LocalFileStorage(root);
}

let processStorage: FileStorage | undefined;

/** The storage chosen by UPLOADTHING_TOKEN and DATA_DIR, built on first use. */
export function getFileStorage(): FileStorage {
  processStorage ??= createFileStorage({
    dataDir: dataDir(),
    uploadthingToken: filesEnv.UPLOADTHING_TOKEN,
  });
  return processStorage;
}
