import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * Helpdesk settings. The PII keys are optional here so that importing the package never fails; the key ring
 * parses them on first use and explains what is wrong (see pii/keys.ts).
 */
export const env = createEnv({
  server: {
    /** "<id>:<base64 of 32 bytes>[,<older id>:<key>…]"; the first key encrypts, every listed key decrypts. */
    PII_ENCRYPTION_KEYS: z.string().optional(),
    /** base64 of at least 32 bytes; keys the HMAC blind indexes for phone and email search. */
    PII_BLIND_INDEX_KEY: z.string().optional(),
    /** SLA clock per escalation level in days, levels 1–3 ("2,7,15" = the Nepal GRM); level 4 has no clock. */
    SLA_LEVEL_DAYS: z
      .string()
      .regex(
        /^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/,
        'expected three numbers of days such as "2,7,15"',
      )
      .optional(),
    /** Zone whose calendar year starts a new `GRV-<year>-…` sequence. */
    HELPDESK_TIME_ZONE: z.string().min(1).default("Asia/Kathmandu"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
