import { z } from "zod";
import { wardCodeSchema } from "./wards";

// ───────────── ward intelligence: what the API exposes to analysts and the REST clients ─────────────

/** A calendar date in YYYY-MM-DD form that exists (2026-02-30 is refused). */
export const intelDateSchema = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, "expected a real date as YYYY-MM-DD");

const MAX_PULSE_DAYS = 366;

export const wardPulseInputSchema = z
  .object({ wardCode: wardCodeSchema, from: intelDateSchema, to: intelDateSchema })
  .refine((input) => input.from <= input.to, { message: "the period must end on or after its start", path: ["to"] })
  .refine((input) => (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 < MAX_PULSE_DAYS, {
    message: `the period can be at most ${MAX_PULSE_DAYS} days`,
    path: ["to"],
  });
export type WardPulseInput = z.infer<typeof wardPulseInputSchema>;

/** A topic, party or source figure with the posts behind it. */
export const pulseFigureSchema = z.object({
  key: z.string(),
  posts: z.number().int().nonnegative(),
  /** Topics and sources: share of the period's articles; parties: share of articles attributed to a party. */
  share: z.number().min(0).max(1),
  /** A bounded sample of the posts behind the figure, newest first. */
  postIds: z.array(z.uuid()),
  /** Why the figure is shaky: fewer than 5 articles, or a single outlet. */
  warnings: z.array(z.string()),
});
export type PulseFigure = z.infer<typeof pulseFigureSchema>;

export const wardPulseDaySchema = z.object({
  day: intelDateSchema,
  posts: z.number().int().nonnegative(),
  /** -1 … 1; null on days without articles. */
  averageSentiment: z.number().min(-1).max(1).nullable(),
  negativePosts: z.number().int().nonnegative(),
  outlets: z.number().int().nonnegative(),
  postIds: z.array(z.uuid()),
  warnings: z.array(z.string()),
});
export type WardPulseDay = z.infer<typeof wardPulseDaySchema>;

export const wardPulseSchema = z.object({
  ward: z.object({ id: z.uuid(), code: wardCodeSchema, name: z.string(), localName: z.string().nullable() }),
  from: intelDateSchema,
  to: intelDateSchema,
  totals: z.object({
    posts: z.number().int().nonnegative(),
    outlets: z.number().int().nonnegative(),
    averageSentiment: z.number().min(-1).max(1).nullable(),
    negativeShare: z.number().min(0).max(1).nullable(),
  }),
  /** Every day of the period, days without articles included. */
  daily: z.array(wardPulseDaySchema),
  topics: z.array(pulseFigureSchema),
  parties: z.array(pulseFigureSchema),
  sources: z.array(pulseFigureSchema),
  warnings: z.array(z.string()),
  /** When the newest rollup row of the period was written; null when there is none. */
  updatedAt: z.date().nullable(),
});
export type WardPulse = z.infer<typeof wardPulseSchema>;

// ───────────── alerts ─────────────

export const ALERT_KINDS = ["VOLUME_SPIKE", "NEGATIVE_SURGE", "NEW_TOPIC", "KEYWORD"] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH"] as const;
export const severitySchema = z.enum(SEVERITIES);

export const alertSchema = z.object({
  id: z.uuid(),
  kind: alertKindSchema,
  severity: severitySchema,
  reason: z.string(),
  wardId: z.uuid().nullable(),
  wardCode: wardCodeSchema.nullable(),
  evidencePostIds: z.array(z.uuid()),
  details: z.record(z.string(), z.unknown()),
  savedAlertId: z.uuid().nullable(),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedById: z.uuid().nullable(),
});
export type IntelAlert = z.infer<typeof alertSchema>;

export const alertListInputSchema = z.object({
  wardCode: wardCodeSchema.optional(),
  kinds: z.array(alertKindSchema).optional(),
  unacknowledgedOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
  /** Id of the last alert of the previous page. */
  cursor: z.uuid().optional(),
});
export type AlertListInput = z.input<typeof alertListInputSchema>;

export const alertListSchema = z.object({ items: z.array(alertSchema), nextCursor: z.uuid().nullable() });
export type AlertList = z.infer<typeof alertListSchema>;

const keywordListSchema = z
  .array(z.string().trim().min(1, "a keyword cannot be empty").max(100))
  .min(1, "give at least one keyword")
  .max(20, "at most 20 keywords");

export const savedAlertCreateSchema = z.object({ wardCode: wardCodeSchema, keywords: keywordListSchema });
export const savedAlertUpdateSchema = z.object({ id: z.uuid(), keywords: keywordListSchema.optional(), active: z.boolean().optional() });
export const savedAlertSchema = z.object({
  id: z.uuid(),
  wardId: z.uuid(),
  wardCode: wardCodeSchema,
  keywords: z.array(z.string()),
  active: z.boolean(),
  createdById: z.uuid(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SavedAlertCreate = z.infer<typeof savedAlertCreateSchema>;
export type SavedAlertUpdate = z.infer<typeof savedAlertUpdateSchema>;
export type IntelSavedAlert = z.infer<typeof savedAlertSchema>;

// ───────────── ward meta and elections ─────────────

export const partyResultSchema = z.object({
  party: z.string(),
  votes: z.number().int().nonnegative(),
  share: z.number().min(0).max(1),
});

export const wardElectionSchema = z.object({
  election: z.string(),
  pollingStations: z.number().int().nonnegative(),
  /** Sum of electors of stations that state them; null when none does. */
  electors: z.number().int().nonnegative().nullable(),
  totalPolled: z.number().int().nonnegative(),
  validVotes: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** totalPolled / electors, over stations with known electors; null when unknown. */
  turnout: z.number().min(0).nullable(),
  parties: z.array(partyResultSchema),
  winner: z.string().nullable(),
  runnerUp: z.string().nullable(),
  /** Votes between first and second. */
  margin: z.number().int().nonnegative().nullable(),
  marginShare: z.number().min(0).max(1).nullable(),
  updatedAt: z.date(),
});
export type WardElection = z.infer<typeof wardElectionSchema>;

export const wardMetaSchema = z.object({
  ward: z.object({
    id: z.uuid(),
    code: wardCodeSchema,
    number: z.number().int().nullable(),
    name: z.string(),
    localName: z.string().nullable(),
    municipality: z.string(),
    district: z.string(),
    province: z.string(),
    country: z.string(),
    updatedAt: z.date(),
  }),
  profile: z
    .object({
      population: z.number().int().nullable(),
      households: z.number().int().nullable(),
      areaSqKm: z.number().nullable(),
      updatedAt: z.date(),
    })
    .nullable(),
  demographics: z.record(z.string(), z.unknown()),
  features: z.record(z.string(), z.unknown()),
  /** Newest election first. */
  elections: z.array(wardElectionSchema),
  /** The newest of the nested timestamps (ward, profile, results). */
  updated_at: z.date(),
});
export type WardMeta = z.infer<typeof wardMetaSchema>;

// ───────────── predictions ─────────────

export const predictionInputSchema = z.object({
  wardCode: wardCodeSchema,
  /** The election predicted, e.g. "GHMC-2025". */
  election: z.string().trim().min(1).max(100),
  /** Base result; default: the newest election loaded for the ward other than `election`. */
  baseElection: z.string().trim().min(1).max(100).optional(),
});
export type PredictionInput = z.infer<typeof predictionInputSchema>;

export const predictionSchema = z.object({
  id: z.uuid(),
  wardId: z.uuid(),
  wardCode: wardCodeSchema,
  election: z.string(),
  asOf: z.date(),
  voteShares: z.record(z.string(), z.number().min(0).max(1)),
  interval: z.record(z.string(), z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])),
  method: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  scoredAt: z.date().nullable(),
  meanAbsError: z.number().nullable(),
  winnerCorrect: z.boolean().nullable(),
  actualShares: z.record(z.string(), z.number()).nullable(),
  createdAt: z.date(),
});
export type IntelPrediction = z.infer<typeof predictionSchema>;

// ───────────── ingestion runs ─────────────

export const INGEST_STATUSES = ["RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"] as const;
export const ingestStatusSchema = z.enum(INGEST_STATUSES);

export const ingestLineErrorSchema = z.object({ line: z.number().int().positive().nullable(), error: z.string() });

export const ingestRunSchema = z.object({
  id: z.uuid(),
  file: z.string(),
  fileSha256: z.string().nullable(),
  status: ingestStatusSchema,
  linesTotal: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  nearDuplicates: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  errors: z.array(ingestLineErrorSchema),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  triggeredById: z.uuid().nullable(),
});
export type IngestRunView = z.infer<typeof ingestRunSchema>;

export const ingestRunListInputSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.uuid().optional(),
});
export type IngestRunListInput = z.input<typeof ingestRunListInputSchema>;
