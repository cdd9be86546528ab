import { z } from "zod";

/** graphile-worker adds `_cron: { ts, backfilled }` to the payload of jobs it schedules from the crontab. */
const cronMeta = z.strictObject({ ts: z.iso.datetime({ offset: true }), backfilled: z.boolean() });

const grievanceRef = z.strictObject({ grievanceId: z.uuid() });

/** BCP 47 language tag as the helpdesk stores it: `en`, `ne`, `te`, `hi`, `en-IN`. */
const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "expected a language tag like en, ne or en-IN");

/**
 * Every background task the system runs: graphile-worker task identifier → payload schema.
 * Payloads carry ids, never personal data; the handler loads the rest inside its own transaction.
 */
export const taskCatalog = {
  "grievance.classify": grievanceRef,
  "grievance.summarize": grievanceRef,
  "grievance.translate": z.strictObject({ grievanceId: z.uuid(), targetLanguage: languageTag }),
  "grievance.followUps": grievanceRef,
  "file.process": z.strictObject({ attachmentId: z.uuid() }),
  "notification.send": z.strictObject({ notificationId: z.uuid() }),
  "sla.escalateOverdue": z.strictObject({ _cron: cronMeta.optional() }),
  /** Re-encrypts complainant PII under `keyId` in batches; `afterId` is the cursor of the next batch. */
  "keys.rotate": z.strictObject({
    keyId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a key id of letters, digits, _ or -"),
    afterId: z.uuid().optional(),
  }),
  "intel.ingestFile": z.strictObject({ path: z.string().min(1), ingestRunId: z.uuid().optional() }),
  /** `path` unset: the configured inbox directory (the daily cron run). */
  "intel.ingestDir": z.strictObject({
    path: z.string().min(1).optional(),
    _cron: cronMeta.optional(),
  }),
  "intel.recomputeWard": z.strictObject({ wardId: z.uuid() }),
} as const satisfies Record<string, z.ZodType>;

export type TaskName = keyof typeof taskCatalog;
/** What callers pass to `enqueue` (before defaults/transforms). */
export type TaskPayloadInput<Name extends TaskName> = z.input<(typeof taskCatalog)[Name]>;
/** What a handler receives after parsing. */
export type TaskPayload<Name extends TaskName> = z.output<(typeof taskCatalog)[Name]>;

export const taskNames = Object.keys(taskCatalog) as TaskName[];

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(taskCatalog, name);
}

/** A payload that does not match its task's schema; the message names each offending field. */
export class JobPayloadError extends Error {
  override readonly name = "JobPayloadError";
  constructor(
    readonly task: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `Invalid payload for task "${task}": ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    );
  }
}

export function parseTaskPayload<Name extends TaskName>(
  name: Name,
  payload: unknown,
): TaskPayload<Name> {
  const schema: z.ZodType = taskCatalog[name];
  const result = schema.safeParse(payload);
  // TypeScript cannot correlate `Name` with the schema it indexes; the data was parsed by exactly that schema.
  if (result.success) return result.data as TaskPayload<Name>;
  throw new JobPayloadError(
    name,
    result.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(payload)",
      message: issue.message,
    })),
  );
}
