import type { Db, Prisma, Tx } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import { GRIEVANCE_STATUS_LABELS, grievanceStatusSchema } from "@sunuwai/validators";
import type {
  AddMessageInput,
  AnswerFollowUpInput,
  ChatbotGrievanceView,
  DisputeInput,
  GrievanceLookupInput,
} from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { chatbotEventActor } from "../access/actor";
import type { ChatbotActor } from "../access/actor";
import { recordGrievanceEvent } from "../events";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { slaPolicyFromEnv } from "../workflow/sla";
import type { SlaPolicy } from "../workflow/sla";
import { parseFollowUps } from "./detail";
import { lockGrievance } from "./load";
import type { GrievanceState } from "./load";
import { changeGrievanceStatus } from "./transitions";

export interface ChatbotOptions {
  now?: Date;
  vault?: PiiVault;
  policy?: SlaPolicy;
}

/** The same answer for an unknown reference and a phone that does not match: nothing to learn by guessing. */
function notFoundForPhone(): AppError {
  return new AppError("NOT_FOUND", "No grievance with this reference for this phone number");
}

function phoneIndexOrNull(vault: PiiVault, phone: string): string | null {
  try {
    return vault.phoneIndex(phone);
  } catch {
    return null;
  }
}

/** The grievance with `reference` whose complainant has `phone` on file, row-locked; otherwise NOT_FOUND. */
async function lockComplainantsGrievance(
  tx: Tx,
  vault: PiiVault,
  lookup: GrievanceLookupInput,
): Promise<GrievanceState> {
  const index = phoneIndexOrNull(vault, lookup.phone);
  const match = index
    ? await tx.grievance.findFirst({
        where: {
          reference: lookup.reference.trim().toUpperCase(),
          complainant: { phoneBlindIndex: index },
        },
        select: { id: true },
      })
    : null;
  const grievance = match ? await lockGrievance(tx, match.id) : null;
  if (!grievance) throw notFoundForPhone();
  return grievance;
}

const VIEW_SELECT = {
  reference: true,
  status: true,
  description: true,
  summary: true,
  categories: true,
  classificationStatus: true,
  language: true,
  followUpQuestions: true,
  createdAt: true,
  updatedAt: true,
  attachments: { select: { id: true, kind: true, status: true }, orderBy: { createdAt: "asc" } },
  events: {
    where: { public: true },
    select: { type: true, createdAt: true, payload: true },
    orderBy: { id: "asc" },
  },
} as const satisfies Prisma.GrievanceSelect;

type ViewRow = Prisma.GrievanceGetPayload<{ select: typeof VIEW_SELECT }>;

function field(payload: Prisma.JsonValue, key: string): unknown {
  return payload !== null && typeof payload === "object" && !Array.isArray(payload)
    ? payload[key]
    : undefined;
}

/** Complainant-facing text of a public event: replies, their own messages and dispute reasons; never staff notes. */
function updateMessage(type: string, payload: Prisma.JsonValue): string | null {
  const key =
    type === "REPLY_SENT" || type === "MESSAGE_ADDED"
      ? "text"
      : type === "DISPUTED"
        ? "reason"
        : null;
  const value = key ? field(payload, key) : undefined;
  return typeof value === "string" ? value : null;
}

function toView(row: ViewRow): ChatbotGrievanceView {
  return {
    reference: row.reference,
    status: row.status,
    statusLabel: GRIEVANCE_STATUS_LABELS[row.status],
    description: row.description,
    summary: row.summary,
    categories: row.categories,
    classificationStatus: row.classificationStatus,
    language: row.language === "ne" ? "ne" : "en",
    followUpQuestions: parseFollowUps(row.followUpQuestions),
    files: row.attachments.map((file) => ({
      fileId: file.id,
      fileType: file.kind,
      status: file.status,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updates: row.events.map((event) => {
      const to = grievanceStatusSchema.safeParse(field(event.payload, "to"));
      return {
        at: event.createdAt,
        type: event.type,
        message: updateMessage(event.type, event.payload),
        status: to.success ? to.data : null,
      };
    }),
  };
}

/** Status and public history of a grievance, for the complainant who gives its reference and their phone. */
export async function getGrievanceForComplainant(
  db: Db,
  _actor: ChatbotActor,
  lookup: GrievanceLookupInput,
  options: ChatbotOptions = {},
): Promise<ChatbotGrievanceView> {
  const vault = options.vault ?? getPiiVault();
  const index = phoneIndexOrNull(vault, lookup.phone);
  const row = index
    ? await db.grievance.findFirst({
        where: {
          reference: lookup.reference.trim().toUpperCase(),
          complainant: { phoneBlindIndex: index },
        },
        select: VIEW_SELECT,
      })
    : null;
  if (!row) throw notFoundForPhone();
  return toView(row);
}

/**
 * A grievance by reference for the chatbot (API token) that filed it: the filing token is proof enough, no phone
 * needed. Any other token gets the same NOT_FOUND as for an unknown reference.
 */
export async function getGrievanceFiledByChatbot(
  db: Db,
  actor: ChatbotActor,
  input: { reference: string },
): Promise<ChatbotGrievanceView> {
  const row = await db.grievance.findFirst({
    where: {
      reference: input.reference.trim().toUpperCase(),
      sourceApiTokenId: actor.apiTokenId,
    },
    select: VIEW_SELECT,
  });
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      "No grievance with this reference was filed with this API token",
    );
  return toView(row);
}

/** Every grievance filed with this phone number (any spelling), newest first. */
export async function listGrievancesByPhone(
  db: Db,
  _actor: ChatbotActor,
  input: { phone: string },
  options: ChatbotOptions & { limit?: number } = {},
): Promise<ChatbotGrievanceView[]> {
  const vault = options.vault ?? getPiiVault();
  const index = phoneIndexOrNull(vault, input.phone);
  if (!index) return [];
  const rows = await db.grievance.findMany({
    where: { complainant: { phoneBlindIndex: index } },
    select: VIEW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
  });
  return rows.map(toView);
}

/** A further message from the complainant, added to the timeline (visible to them and to staff). */
export async function addComplainantMessage(
  db: Db,
  actor: ChatbotActor,
  input: AddMessageInput,
  options: ChatbotOptions = {},
): Promise<{ eventId: string }> {
  const vault = options.vault ?? getPiiVault();
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grievance = await lockComplainantsGrievance(tx, vault, input);
    if (grievance.status === "CLOSED")
      throw new AppError(
        "CONFLICT",
        `${grievance.reference} is closed; file a new grievance instead`,
      );
    const eventId = await recordGrievanceEvent(tx, grievance, {
      type: "MESSAGE_ADDED",
      actor: chatbotEventActor(actor),
      public: true,
      at: now,
      payload: { text: input.message },
    });
    return { eventId: eventId.toString() };
  });
}

/**
 * Records the complainant's answer to one of the follow-up questions the AI asked, and re-queues classification
 * (unless a person already confirmed it) since the answer may change the category.
 */
export async function answerFollowUpQuestion(
  db: Db,
  actor: ChatbotActor,
  input: AnswerFollowUpInput,
  options: ChatbotOptions = {},
): Promise<ChatbotGrievanceView> {
  const vault = options.vault ?? getPiiVault();
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grievance = await lockComplainantsGrievance(tx, vault, input);
    const current = await tx.grievance.findUniqueOrThrow({
      where: { id: grievance.id },
      select: { followUpQuestions: true },
    });
    const questions = parseFollowUps(current.followUpQuestions);
    const question = questions.find((q) => q.id === input.questionId);
    if (!question) throw new AppError("NOT_FOUND", "This grievance has no such follow-up question");
    const answered = questions.map((q) =>
      q.id === input.questionId ? { ...q, answer: input.answer, answeredAt: now.toISOString() } : q,
    );
    await tx.grievance.update({
      where: { id: grievance.id },
      data: { followUpQuestions: answered },
    });
    await recordGrievanceEvent(tx, grievance, {
      type: "FOLLOW_UP_ANSWERED",
      actor: chatbotEventActor(actor),
      public: true,
      at: now,
      payload: { questionId: input.questionId, question: question.question, answer: input.answer },
    });
    const confirmedByPerson =
      grievance.classificationStatus === "OFFICER_CONFIRMED" ||
      grievance.classificationStatus === "COMPLAINANT_CONFIRMED";
    if (!confirmedByPerson) {
      await enqueue(
        tx,
        "grievance.classify",
        { grievanceId: grievance.id },
        { jobKey: `grievance.classify:${grievance.id}` },
      );
    }
    return toView(
      await tx.grievance.findUniqueOrThrow({ where: { id: grievance.id }, select: VIEW_SELECT }),
    );
  });
}

/** The complainant disputes a resolved or denied grievance: it reopens as DISPUTED with a fresh SLA clock. */
export async function disputeGrievance(
  db: Db,
  actor: ChatbotActor,
  input: DisputeInput,
  options: ChatbotOptions = {},
): Promise<ChatbotGrievanceView> {
  const vault = options.vault ?? getPiiVault();
  const now = options.now ?? new Date();
  const policy = options.policy ?? slaPolicyFromEnv();
  return db.$transaction(async (tx) => {
    const grievance = await lockComplainantsGrievance(tx, vault, input);
    await changeGrievanceStatus(tx, grievance, "DISPUTED", {
      by: "complainant",
      actor: chatbotEventActor(actor),
      now,
      policy,
      reason: input.reason,
    });
    return toView(
      await tx.grievance.findUniqueOrThrow({ where: { id: grievance.id }, select: VIEW_SELECT }),
    );
  });
}
