// Inputs and outputs of the intel procedures that @sunuwai/validators does not already define.
import {
  ingestRunSchema,
  intelDateSchema,
  predictionSchema,
  wardCodeSchema,
  wardSummarySchema,
} from "@sunuwai/validators";
import { z } from "zod";

export const wardCodeInputSchema = z.object({ wardCode: wardCodeSchema });

/** A ward in the analysts' picker, with how much coverage it has. */
export const intelWardSchema = wardSummarySchema.extend({
  /** Articles counted in the ward's pulse (near-duplicates excluded), all time. */
  posts: z.number().int().nonnegative(),
  /** Newest day with an article; null when there is none. */
  lastPostDay: intelDateSchema.nullable(),
});
export type IntelWard = z.infer<typeof intelWardSchema>;

export const MAX_EVIDENCE_POSTS = 50;

export const evidencePostsInputSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(MAX_EVIDENCE_POSTS),
});

/** An article behind a figure or an alert, as analysts read it. */
export const evidencePostSchema = z.object({
  id: z.uuid(),
  wardCode: wardCodeSchema.nullable(),
  headline: z.string(),
  /** Headline and lead as stored on the post. */
  text: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  party: z.string().nullable(),
  sentiment: z.number().nullable(),
  topics: z.array(z.string()),
  isDuplicate: z.boolean(),
  publishedAt: z.date(),
  /** Which analyser read sentiment, topics and party: "lexicon:v1" (offline) or "openai:<model>"; null on legacy posts. */
  analysedBy: z.string().nullable(),
});
export type EvidencePost = z.infer<typeof evidencePostSchema>;

export const savedAlertListInputSchema = z
  .object({ wardCode: wardCodeSchema.optional() })
  .optional();
export const idInputSchema = z.object({ id: z.uuid() });
export const alertIdInputSchema = z.object({ alertId: z.uuid() });

export const latestPredictionInputSchema = z.object({
  wardCode: wardCodeSchema,
  /** Only predictions for this election; default: the newest of any. */
  election: z.string().trim().min(1).max(100).optional(),
});

export const ledgerSchema = z.object({
  /** Every prediction of the ward, newest first; scored ones carry their error. */
  predictions: z.array(predictionSchema),
  summary: z.object({
    scored: z.number().int().nonnegative(),
    /** Mean over scored predictions of their mean absolute error (share, 0 … 1); null when none is scored. */
    meanAbsError: z.number().nullable(),
    winnerCorrect: z.number().int().nonnegative(),
  }),
});
export type Ledger = z.infer<typeof ledgerSchema>;

export const ingestRunListSchema = z.object({
  items: z.array(ingestRunSchema),
  nextCursor: z.uuid().nullable(),
});

/** A JSONL file waiting in `<DATA_DIR>/epaper/inbox`. */
export const inboxFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  modifiedAt: z.date(),
});

/** A plain file name inside the inbox: no folders, no hidden files, a JSONL extension. */
export const inboxFileNameSchema = z
  .string()
  .trim()
  .min(1, "Name a file from the inbox.")
  .max(255)
  .refine((name) => !/[/\\]/u.test(name) && !name.startsWith(".") && !name.includes("\0"), {
    message: "Give the file's name only, without folders.",
  })
  .refine((name) => /\.(jsonl|ndjson)$/iu.test(name), {
    message: "Only .jsonl or .ndjson files can be ingested.",
  });

export const ingestInputSchema = z.object({ file: inboxFileNameSchema });
