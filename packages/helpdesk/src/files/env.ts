import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** File storage settings. */
export const filesEnv = createEnv({
  server: {
    /** Set: attachments go to UploadThing. Unset: local disk under `<DATA_DIR>/files`. */
    UPLOADTHING_TOKEN: z.string().min(1).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
