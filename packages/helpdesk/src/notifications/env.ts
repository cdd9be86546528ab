import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** Notification providers. A channel without its settings is written to the log and recorded as LOGGED. */
export const notificationsEnv = createEnv({
  server: {
    /** smtp://user:pass@host:587 or smtps://…; nodemailer's connection URL. */
    SMTP_URL: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(1).default("Sunuwai Helpdesk <no-reply@sunuwai.local>"),
    /** SMS gateway shaped like Sparrow SMS: POST form fields token, from, to, text. */
    SMS_API_URL: z.url().optional(),
    SMS_API_TOKEN: z.string().min(1).optional(),
    SMS_FROM: z.string().min(1).default("Sunuwai"),
    /** WhatsApp Cloud API base, e.g. https://graph.facebook.com/v21.0 */
    WHATSAPP_API_URL: z.url().optional(),
    WHATSAPP_TOKEN: z.string().min(1).optional(),
    WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).optional(),
    /** Per provider request; graphile-worker retries a timed-out send. */
    NOTIFICATION_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /** Days a complainant has to dispute a resolution, quoted in the "resolved" message. */
    DISPUTE_WINDOW_DAYS: z.coerce.number().int().positive().default(30),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
