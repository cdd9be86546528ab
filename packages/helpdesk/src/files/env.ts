import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** File storage settings. */
export const filesEnv = createEnv({
  server: {
    /** Set: attachments go to UploadThing. Unset: local disk under `<DATA_DIR>/files`. */
    UPLOADTHING_TOKEN: z.string().min(1).optional(),
    /** UploadThing's API and ingest servers, when not the public ones (a self-hosted gateway, the test fake). */
    UPLOADTHING_API_URL: z.url().optional(),
    UPLOADTHING_INGEST_URL: z.url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** UploadThing's token and server overrides, or null when files stay on the local disk. */
export interface UploadThingConfig {
  token: string;
  apiUrl?: string | undefined;
  ingestUrl?: string | undefined;
}

export function uploadThingConfigFromEnv(): UploadThingConfig | null {
  if (!filesEnv.UPLOADTHING_TOKEN) return null;
  return {
    token: filesEnv.UPLOADTHING_TOKEN,
    apiUrl: filesEnv.UPLOADTHING_API_URL,
    ingestUrl: filesEnv.UPLOADTHING_INGEST_URL,
  };
}
