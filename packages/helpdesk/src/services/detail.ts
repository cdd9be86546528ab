import type { Db } from "@sunuwai/db";
import { followUpQuestionsSchema } from "@sunuwai/validators";
import type { FollowUpQuestion, GrievanceDetail, TimelineEvent } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { assertHelpdeskStaff } from "../access/actor";
import type { StaffActor } from "../access/actor";
import { canRevealPii, canSeeGrievance, grievanceNotFound } from "../access/visibility";
import { maskAddress, maskEmail, maskName, maskPhone } from "../pii/mask";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { MAX_ESCALATION_LEVEL } from "../workflow/sla";
import { allowedNextStatuses } from "../workflow/status";
import { isUuid } from "./load";
import { QUEUE_ITEM_SELECT, toQueueItem } from "./queue";

const UNREADABLE = "(unreadable)";

export function parseFollowUps(value: unknown): FollowUpQuestion[] {
  const parsed = followUpQuestionsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Decrypts one value only to mask it; a value that fails to decrypt shows as unreadable instead of failing the page. */
function masked(
  vault: PiiVault,
  cipher: Uint8Array | null,
  context: string,
  mask: (plain: string) => string,
): string | null {
  if (cipher === null) return null;
  try {
    return mask(vault.decrypt(cipher, context));
  } catch (error) {
    if (error instanceof AppError) return UNREADABLE;
    throw error;
  }
}

/** A grievance with its timeline for staff; personal data masked. Invisible ones are NOT_FOUND. */
export async function getGrievanceDetail(
  db: Db,
  actor: StaffActor,
  grievanceId: string,
  options: { now?: Date; vault?: PiiVault } = {},
): Promise<GrievanceDetail> {
  const now = options.now ?? new Date();
  const vault = options.vault ?? getPiiVault();
  assertHelpdeskStaff(actor);
  if (!isUuid(grievanceId)) throw grievanceNotFound();
  const row = await db.grievance.findUnique({
    where: { id: grievanceId },
    select: {
      ...QUEUE_ITEM_SELECT,
      wardId: true,
      assigneeId: true,
      summaryEn: true,
      translatedText: true,
      classifiedBy: true,
      followUpQuestions: true,
      resolvedAt: true,
      closedAt: true,
      complainant: {
        select: {
          id: true,
          nameCipher: true,
          phoneCipher: true,
          emailCipher: true,
          addressCipher: true,
          municipality: true,
        },
      },
      attachments: {
        select: {
          id: true,
          kind: true,
          status: true,
          originalName: true,
          mimeType: true,
          sizeBytes: true,
          rejectReason: true,
          transcript: true,
          thumbnailKey: true,
        },
        orderBy: { createdAt: "asc" },
      },
      events: {
        select: {
          id: true,
          type: true,
          public: true,
          createdAt: true,
          payload: true,
          actorKind: true,
          actorId: true,
          actor: { select: { name: true } },
        },
        orderBy: { id: "asc" },
      },
    },
  });
  if (!row || !canSeeGrievance(actor, row)) throw grievanceNotFound();
  const { complainant, attachments, events, wardId: _wardId, assigneeId, ...rest } = row;
  const context = (field: string) => `complainant:${complainant.id}:${field}`;
  const timeline: TimelineEvent[] = events.map((event) => ({
    id: event.id.toString(),
    type: event.type,
    public: event.public,
    at: event.createdAt,
    actor: { kind: event.actorKind, id: event.actorId, name: event.actor?.name ?? null },
    payload:
      event.payload !== null && typeof event.payload === "object" && !Array.isArray(event.payload)
        ? (event.payload as Record<string, unknown>)
        : {},
  }));
  const allowed = allowedNextStatuses(row.status, "staff").filter(
    (status) => status !== "ESCALATED" || row.escalationLevel < MAX_ESCALATION_LEVEL,
  );
  return {
    ...toQueueItem(rest, now),
    description: row.description,
    summary: row.summary,
    summaryEn: row.summaryEn,
    translatedText: row.translatedText,
    classifiedBy: row.classifiedBy,
    followUpQuestions: parseFollowUps(row.followUpQuestions),
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    complainant: {
      id: complainant.id,
      name: masked(vault, complainant.nameCipher, context("name"), maskName) ?? "",
      phone: masked(vault, complainant.phoneCipher, context("phone"), maskPhone),
      email: masked(vault, complainant.emailCipher, context("email"), maskEmail),
      address: masked(vault, complainant.addressCipher, context("address"), maskAddress),
      municipality: complainant.municipality,
    },
    attachments: attachments.map((file) => ({
      fileId: file.id,
      fileType: file.kind,
      status: file.status,
      originalName: file.originalName,
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
      rejectReason: file.rejectReason,
      transcript: file.transcript,
      hasThumbnail: file.thumbnailKey !== null,
    })),
    timeline,
    allowedStatuses: allowed,
    canRevealPii: canRevealPii(actor, { assigneeId }),
  };
}

/** The same, found by its reference (`GRV-2026-000123`, unique index); unknown and invisible ones are NOT_FOUND alike. */
export async function getGrievanceDetailByReference(
  db: Db,
  actor: StaffActor,
  reference: string,
  options: { now?: Date; vault?: PiiVault } = {},
): Promise<GrievanceDetail> {
  assertHelpdeskStaff(actor);
  const row = await db.grievance.findUnique({ where: { reference }, select: { id: true } });
  if (!row) throw grievanceNotFound();
  return getGrievanceDetail(db, actor, row.id, options);
}
