import path from "node:path";
import { dataDir } from "@sunuwai/db";
import { uploadThingConfigFromEnv } from "../env";
import type { UploadThingConfig } from "../env";
import { LocalFileStorage } from "./local";
import { UploadThingFileStorage } from "./uploadthing";
import type { FileStorage } from "./types";

export { LocalFileStorage } from "./local";
export { createUtApi, UploadThingFileStorage } from "./uploadthing";
export { newStorageKey, assertStorageKey } from "./types";
export type { FileStorage } from "./types";

export interface FileStorageConfig {
  /** Local state folder; files go to `<dataDir>/files`. */
  dataDir: string;
  uploadThing?: UploadThingConfig | null;
}

/** UploadThing when a token is configured, otherwise the local disk. */
export function createFileStorage(config: FileStorageConfig): FileStorage {
  const root = path.join(config.dataDir, "files");
  if (config.uploadThing)
    return new UploadThingFileStorage(config.uploadThing, path.join(root, ".incoming"));
  return new LocalFileStorage(root);
}

let processStorage: FileStorage | undefined;

/** The storage chosen by UPLOADTHING_TOKEN and DATA_DIR, built on first use. */
export function getFileStorage(): FileStorage {
  processStorage ??= createFileStorage({
    dataDir: dataDir(),
    uploadThing: uploadThingConfigFromEnv(),
  });
  return processStorage;
}
