import { z } from "zod";

// ───────────── vocabularies (mirror the Prisma enums; validators sits left of @sunuwai/db) ─────────────

export const GRIEVANCE_STATUSES = [
  "SUBMITTED",
  "UNDER_EVALUATION",
  "ESCALATED",
  "RESOLVED",
  "DENIED",
  "DISPUTED",
  "CLOSED",
] as const;
export const grievanceStatusSchema = z.enum(GRIEVANCE_STATUSES);
export type GrievanceStatusValue = z.infer<typeof grievanceStatusSchema>;

/** Statuses whose SLA clock runs and that count as open work. */
export const OPEN_GRIEVANCE_STATUSES = [
  "SUBMITTED",
  "UNDER_EVALUATION",
  "ESCALATED",
  "DISPUTED",
] as const satisfies readonly GrievanceStatusValue[];

export const GRIEVANCE_STATUS_LABELS: Record<GrievanceStatusValue, { en: string; ne: string }> = {
  SUBMITTED: { en: "Submitted", ne: "पेश गरिएको" },
  UNDER_EVALUATION: { en: "Under evaluation", ne: "मूल्याङ्कन हुँदै" },
  ESCALATED: { en: "Escalated", ne: "माथिल्लो तहमा पठाइएको" },
  RESOLVED: { en: "Resolved", ne: "समाधान भएको" },
  DENIED: { en: "Denied", ne: "अस्वीकृत" },
  DISPUTED: { en: "Disputed", ne: "आपत्ति जनाइएको" },
  CLOSED: { en: "Closed", ne: "बन्द गरिएको" },
};

export const CLASSIFICATION_STATUSES = [
  "PENDING",
  "LLM_GENERATED",
  "LLM_FAILED",
  "FALLBACK_GENERATED",
  "OFFICER_CONFIRMED",
  "COMPLAINANT_CONFIRMED",
] as const;
export const classificationStatusSchema = z.enum(CLASSIFICATION_STATUSES);

export const CLASSIFICATION_STATUS_LABELS: Record<
  z.infer<typeof classificationStatusSchema>,
  { en: string; ne: string }
> = {
  PENDING: { en: "Classification pending", ne: "वर्गीकरण बाँकी" },
  LLM_GENERATED: { en: "Classified automatically", ne: "स्वचालित रूपमा वर्गीकृत" },
  LLM_FAILED: { en: "Automatic classification failed", ne: "स्वचालित वर्गीकरण असफल" },
  FALLBACK_GENERATED: { en: "Classified offline", ne: "अफलाइन वर्गीकृत" },
  OFFICER_CONFIRMED: { en: "Confirmed by an officer", ne: "अधिकारीद्वारा पुष्टि" },
  COMPLAINANT_CONFIRMED: { en: "Confirmed by the complainant", ne: "उजुरीकर्ताद्वारा पुष्टि" },
};

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const prioritySchema = z.enum(PRIORITIES);

/** Categories that make a grievance sensitive (sexual exploitation, abuse and harassment). */
export const SENSITIVE_CATEGORIES = ["Gender/SEAH"] as const;

export const grievanceLanguageSchema = z.enum(["ne", "en"]);

// ───────────── shared pieces ─────────────

export const grievanceReferenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^GRV-\d{4}-\d{6}$/, "expected a reference like GRV-2026-000123");

/** Any common spelling: `+977-9841234567`, `9841234567`, `009779841234567`; the service normalises it. */
export const phoneInputSchema = z
  .string()
  .trim()
  .min(6, "phone number is too short")
  .max(32, "phone number is too long")
  .regex(/^[+\d][\d\s().-]*$/, "phone number may contain digits, spaces, dashes and a leading +");

/** A ward's uuid or its public code (`KMC-10`). */
export const wardRefSchema = z.string().trim().min(1).max(64);

const categorySchema = z.string().trim().min(1).max(80);
/** The shortest reason the audit trail accepts for a status change, a reveal of personal data or a dispute. */
export const REASON_MIN_LENGTH = 5;
export const REASON_MAX_LENGTH = 1000;

const reasonTextSchema = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, `give a reason of at least ${REASON_MIN_LENGTH} characters`)
  .max(REASON_MAX_LENGTH);
const messageTextSchema = z.string().trim().min(1, "message is empty").max(5000);

const labelSchema = z.object({ en: z.string(), ne: z.string() });

// ───────────── chatbot ─────────────

export const complainantInputSchema = z.object({
  fullName: z.string().trim().min(1, "full name is required").max(200),
  phone: phoneInputSchema,
  email: z.email().max(254).optional(),
  address: z.string().trim().max(500).optional(),
  municipality: z.string().trim().max(200).optional(),
  ward: wardRefSchema.optional(),
  preferredChannel: z.enum(["EMAIL", "SMS", "WHATSAPP"]).optional(),
});

export const createGrievanceInputSchema = z.object({
  complainant: complainantInputSchema,
  description: z
    .string()
    .trim()
    .min(10, "describe the grievance in at least 10 characters")
    .max(10_000),
  language: grievanceLanguageSchema,
  /** Defaults to the complainant's ward. */
  ward: wardRefSchema.optional(),
  categories: z.array(categorySchema).max(10).optional(),
});
export type CreateGrievanceInput = z.infer<typeof createGrievanceInputSchema>;

export const createGrievanceOutputSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: grievanceStatusSchema,
  classificationStatus: classificationStatusSchema,
});
export type CreateGrievanceOutput = z.infer<typeof createGrievanceOutputSchema>;

/** A complainant proves it is theirs by giving the phone number on file with the reference. */
export const grievanceLookupInputSchema = z.object({
  reference: grievanceReferenceSchema,
  phone: phoneInputSchema,
});
export type GrievanceLookupInput = z.infer<typeof grievanceLookupInputSchema>;

export const addMessageInputSchema = grievanceLookupInputSchema.extend({
  message: messageTextSchema,
});
export type AddMessageInput = z.infer<typeof addMessageInputSchema>;

export const answerFollowUpInputSchema = grievanceLookupInputSchema.extend({
  questionId: z.string().min(1).max(64),
  answer: messageTextSchema,
});
export type AnswerFollowUpInput = z.infer<typeof answerFollowUpInputSchema>;

export const disputeInputSchema = grievanceLookupInputSchema.extend({ reason: reasonTextSchema });
export type DisputeInput = z.infer<typeof disputeInputSchema>;

export const listByPhoneInputSchema = z.object({ phone: phoneInputSchema });

/** Follow-up questions as the AI task stores them on the grievance. */
export const followUpQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string().nullish(),
  answeredAt: z.string().nullish(),
});
export const followUpQuestionsSchema = z.array(followUpQuestionSchema);
export type FollowUpQuestion = z.infer<typeof followUpQuestionSchema>;

export const grievanceFileViewSchema = z.object({
  fileId: z.uuid(),
  fileType: z.enum(["IMAGE", "DOCUMENT", "VOICE"]),
  status: z.enum(["PENDING", "PROCESSED", "REJECTED"]),
});

/** What a complainant may see of their grievance: no staff notes, no staff names. */
export const chatbotGrievanceViewSchema = z.object({
  reference: z.string(),
  status: grievanceStatusSchema,
  statusLabel: labelSchema,
  description: z.string(),
  summary: z.string().nullable(),
  categories: z.array(z.string()),
  classificationStatus: classificationStatusSchema,
  language: grievanceLanguageSchema,
  followUpQuestions: z.array(followUpQuestionSchema),
  files: z.array(grievanceFileViewSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Public replies and status changes, oldest first. */
  updates: z.array(
    z.object({
      at: z.date(),
      type: z.string(),
      message: z.string().nullable(),
      status: grievanceStatusSchema.nullable(),
    }),
  ),
});
export type ChatbotGrievanceView = z.infer<typeof chatbotGrievanceViewSchema>;

// ───────────── staff ─────────────

export const grievanceIdSchema = z.uuid();

export const queueFiltersSchema = z.object({
  status: z.array(grievanceStatusSchema).max(GRIEVANCE_STATUSES.length).optional(),
  wardId: z.uuid().optional(),
  category: categorySchema.optional(),
  /** A user id, "me", or "unassigned" (the supervisors' queue). */
  assignee: z.union([z.uuid(), z.literal("me"), z.literal("unassigned")]).optional(),
  overdue: z.boolean().optional(),
  /** Matches the reference, description and summary. */
  text: z.string().trim().min(1).max(200).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  sort: z.enum(["newest", "oldest", "dueSoonest"]).default("newest"),
});
export type QueueFilters = z.input<typeof queueFiltersSchema>;

const personRefSchema = z.object({ id: z.uuid(), name: z.string() });
const wardViewSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const queueItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: grievanceStatusSchema,
  priority: prioritySchema,
  classificationStatus: classificationStatusSchema,
  categories: z.array(z.string()),
  sensitive: z.boolean(),
  /** Summary when there is one, otherwise the start of the description. */
  excerpt: z.string(),
  language: z.string(),
  ward: wardViewSchema.nullable(),
  assignee: personRefSchema.nullable(),
  escalationLevel: z.number().int(),
  slaDueAt: z.date().nullable(),
  overdue: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  /** Matching grievances, counted exactly up to a cap; past it `totalExact` is false and more than `total` match. */
  total: z.number().int(),
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const queueCountsSchema = z.object({
  byStatus: z.record(grievanceStatusSchema, z.number().int()),
  open: z.number().int(),
  overdue: z.number().int(),
  unassigned: z.number().int(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const timelineEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  public: z.boolean(),
  at: z.date(),
  actor: z.object({ kind: z.string(), id: z.uuid().nullable(), name: z.string().nullable() }),
  payload: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const maskedComplainantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  municipality: z.string().nullable(),
});

export const grievanceDetailSchema = queueItemSchema.extend({
  description: z.string(),
  summary: z.string().nullable(),
  summaryEn: z.string().nullable(),
  translatedText: z.string().nullable(),
  classifiedBy: z.string().nullable(),
  followUpQuestions: z.array(followUpQuestionSchema),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  complainant: maskedComplainantSchema,
  attachments: z.array(
    grievanceFileViewSchema.extend({
      originalName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number().int(),
      /** Why processing refused the file (REJECTED only). */
      rejectReason: z.string().nullable(),
      /** A voice note's transcript; null until transcribed (offline: awaiting manual transcription). */
      transcript: z.string().nullable(),
      /** Processed images have a small preview at `?variant=thumbnail`. */
      hasThumbnail: z.boolean(),
    }),
  ),
  timeline: z.array(timelineEventSchema),
  allowedStatuses: z.array(grievanceStatusSchema),
  canRevealPii: z.boolean(),
});
export type GrievanceDetail = z.infer<typeof grievanceDetailSchema>;

/** Someone a grievance can be assigned to, with their open workload to choose fairly. */
export const assigneeOptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(["OFFICER", "SUPERVISOR", "ADMIN"]),
  openGrievances: z.number().int(),
});
export type AssigneeOption = z.infer<typeof assigneeOptionSchema>;

export const assignInputSchema = z.object({
  grievanceId: grievanceIdSchema,
  assigneeId: z.uuid().nullable(),
  reason: z.string().trim().max(1000).optional(),
});
export type AssignInput = z.infer<typeof assignInputSchema>;

export const changeStatusInputSchema = z.object({
  grievanceId: grievanceIdSchema,
  status: grievanceStatusSchema,
  reason: reasonTextSchema,
});
export type ChangeStatusInput = z.infer<typeof changeStatusInputSchema>;

/** `note`: staff only; `reply`: visible to the complainant. */
export const addCommentInputSchema = z.object({
  grievanceId: grievanceIdSchema,
  kind: z.enum(["note", "reply"]),
  text: messageTextSchema,
});
export type AddCommentInput = z.infer<typeof addCommentInputSchema>;

export const piiFieldSchema = z.enum(["name", "phone", "email", "address"]);
export const revealPiiInputSchema = z.object({
  grievanceId: grievanceIdSchema,
  fields: z.array(piiFieldSchema).min(1).max(4).default(["name", "phone", "email", "address"]),
  reason: reasonTextSchema,
});
export type RevealPiiInput = z.input<typeof revealPiiInputSchema>;
export const revealPiiOutputSchema = z.object({
  name: z.string().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
});

export const confirmClassificationInputSchema = z.object({
  grievanceId: grievanceIdSchema,
  /** Omit to confirm the current categories; give them to override. */
  categories: z.array(categorySchema).min(1).max(10).optional(),
  priority: prioritySchema.optional(),
});
export type ConfirmClassificationInput = z.infer<typeof confirmClassificationInputSchema>;

export const bulkChangeStatusInputSchema = z.object({
  grievanceIds: z.array(grievanceIdSchema).min(1).max(100),
  status: grievanceStatusSchema,
  reason: reasonTextSchema,
});
export type BulkChangeStatusInput = z.infer<typeof bulkChangeStatusInputSchema>;
export const bulkChangeStatusOutputSchema = z.object({
  changed: z.array(z.object({ id: z.uuid(), reference: z.string() })),
  refused: z.array(
    z.object({ id: z.uuid(), reference: z.string().nullable(), message: z.string() }),
  ),
});
export type BulkChangeStatusOutput = z.infer<typeof bulkChangeStatusOutputSchema>;

export const similarGrievanceSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: grievanceStatusSchema,
  excerpt: z.string(),
  similarity: z.number(),
  createdAt: z.date(),
});
export type SimilarGrievance = z.infer<typeof similarGrievanceSchema>;

export const slaReportInputSchema = z.object({
  from: z.date().optional(),
  to: z.date().optional(),
});
export type SlaReportInput = z.infer<typeof slaReportInputSchema>;

const slaReportRowSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdueOpen: z.number().int(),
  resolved: z.number().int(),
  resolvedWithinSla: z.number().int(),
  /** resolvedWithinSla / resolved, 0–100; null when nothing was resolved. */
  percentWithinSla: z.number().nullable(),
  medianHoursToResolve: z.number().nullable(),
});
export const slaReportSchema = z.object({
  byOfficer: z.array(slaReportRowSchema.extend({ officer: personRefSchema.nullable() })),
  byWard: z.array(slaReportRowSchema.extend({ ward: wardViewSchema.nullable() })),
});
export type SlaReport = z.infer<typeof slaReportSchema>;

// ───────────── live updates ─────────────

/** NOTIFY payload on the helpdesk channel: ids only, enough for the web process to filter by scope. */
export const grievanceLiveEventSchema = z.object({
  kind: z.enum(["grievance_updated", "classification_complete", "task_status"]),
  eventId: z.string(),
  eventType: z.string(),
  grievanceId: z.uuid(),
  wardId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  sensitive: z.boolean(),
  sourceApiTokenId: z.uuid().nullable(),
});
export type GrievanceLiveEvent = z.infer<typeof grievanceLiveEventSchema>;

/** Which live event a timeline change is announced as; replays derive it from the stored event type. */
export type GrievanceLiveKind = GrievanceLiveEvent["kind"];

// ───────────── API call shapes ─────────────

export const grievanceIdInputSchema = z.object({ grievanceId: grievanceIdSchema });

/** A chatbot reads a grievance it filed by reference alone: the filing token is the proof. */
export const filedGrievanceInputSchema = z.object({ reference: grievanceReferenceSchema });

/** Where a staff change left the grievance (the caller may no longer see it, e.g. once it became sensitive). */
export const grievanceStateSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: grievanceStatusSchema,
  classificationStatus: classificationStatusSchema,
  categories: z.array(z.string()),
  sensitive: z.boolean(),
  wardId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  escalationLevel: z.number().int(),
  slaDueAt: z.date().nullable(),
});
export type GrievanceStateView = z.infer<typeof grievanceStateSchema>;

export const eventRecordedSchema = z.object({ eventId: z.string() });

/**
 * A live-updates subscription: one grievance or all the caller may see. `lastEventId` is sent back by the client
 * on reconnect; events after it are replayed first.
 */
export const liveUpdatesInputSchema = z.object({
  grievanceId: grievanceIdSchema.optional(),
  lastEventId: z
    .string()
    .regex(/^\d{1,19}$/, "expected an event id")
    .nullish(),
});
export type LiveUpdatesInput = z.infer<typeof liveUpdatesInputSchema>;

/** What a subscriber receives: enough to refetch what changed, nothing it could not read anyway. */
export const liveUpdateSchema = grievanceLiveEventSchema.pick({
  kind: true,
  eventId: true,
  eventType: true,
  grievanceId: true,
});
export type LiveUpdate = z.infer<typeof liveUpdateSchema>;
