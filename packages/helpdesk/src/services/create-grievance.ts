import type { Db, Tx } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import type { CreateGrievanceInput, CreateGrievanceOutput } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { chatbotEventActor } from "../access/actor";
import type { ChatbotActor } from "../access/actor";
import { isSensitive } from "../access/visibility";
import { env } from "../env";
import { recordGrievanceEvent } from "../events";
import { normalisePhone } from "../pii/normalise";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { formatReference, referenceYear, takeNextSequence } from "../workflow/reference";
import { slaDueAt, slaPolicyFromEnv } from "../workflow/sla";
import type { SlaPolicy } from "../workflow/sla";
import { findOrCreateComplainant } from "./complainants";
import { isUuid } from "./load";
import { pickOfficerForWard } from "./routing";

export interface CreateGrievanceOptions {
  now?: Date;
  vault?: PiiVault;
  policy?: SlaPolicy;
  timeZone?: string;
}

/** Creation waits for the year's reference lock behind other creations; give it room under load. */
export const CREATE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** A ward by uuid or public code; an unknown one is a validation error on `field`. */
export async function resolveWardId(tx: Tx, ref: string | undefined, field: string): Promise<string | null> {
  if (!ref) return null;
  const ward = await tx.ward.findFirst({ where: isUuid(ref) ? { id: ref } : { code: ref }, select: { id: true } });
  if (!ward) throw new AppError("VALIDATION", `Unknown ward "${ref}"`, { [field]: "unknown ward" });
  return ward.id;
}

function checkPhone(phone: string): void {
  try {
    normalisePhone(phone);
  } catch (error) {
    if (error instanceof AppError) throw new AppError("VALIDATION", error.message, { "complainant.phone": "not a valid phone number" });
    throw error;
  }
}

/**
 * Files a grievance for a chatbot in one transaction: complainant (encrypted, found again by phone), gap-free
 * reference, routing to the least-loaded officer of the ward, CREATED (and ASSIGNED) events, and the
 * `grievance.classify` job. Returns at once; classification follows asynchronously.
 */
export async function createGrievance(
  db: Db,
  actor: ChatbotActor,
  input: CreateGrievanceInput,
  options: CreateGrievanceOptions = {},
): Promise<CreateGrievanceOutput> {
  const now = options.now ?? new Date();
  const vault = options.vault ?? getPiiVault();
  const policy = options.policy ?? slaPolicyFromEnv();
  const year = referenceYear(now, options.timeZone ?? env.HELPDESK_TIME_ZONE);
  checkPhone(input.complainant.phone);
  const categories = [...new Set(input.categories ?? [])];

  return db.$transaction(async (tx) => {
    const complainantWardId = await resolveWardId(tx, input.complainant.ward, "complainant.ward");
    const wardId = (await resolveWardId(tx, input.ward, "ward")) ?? complainantWardId;
    const complainantId = await findOrCreateComplainant(tx, vault, {
      name: input.complainant.fullName,
      phone: input.complainant.phone,
      email: input.complainant.email ?? null,
      address: input.complainant.address ?? null,
      municipality: input.complainant.municipality ?? null,
      wardId: complainantWardId ?? wardId,
      preferredChannel: input.complainant.preferredChannel ?? null,
    });
    // Everything after the sequence runs under the year's lock: keep it short.
    const sequence = await takeNextSequence(tx, year);
    const assigneeId = await pickOfficerForWard(tx, wardId);
    const grievance = await tx.grievance.create({
      data: {
        reference: formatReference(year, sequence),
        year,
        sequence,
        description: input.description,
        language: input.language,
        categories,
        sensitive: isSensitive({ sensitive: false, categories }),
        slaDueAt: slaDueAt(1, now, policy),
        createdAt: now,
        complainantId,
        wardId,
        assigneeId,
        sourceApiTokenId: actor.apiTokenId,
      },
      select: { id: true, reference: true, status: true, classificationStatus: true, wardId: true, assigneeId: true, sensitive: true, categories: true, sourceApiTokenId: true },
    });
    const eventActor = chatbotEventActor(actor);
    await recordGrievanceEvent(tx, grievance, {
      type: "CREATED",
      actor: eventActor,
      public: true,
      at: now,
      payload: { reference: grievance.reference, language: input.language, wardId },
    });
    await recordGrievanceEvent(tx, grievance, {
      type: "ASSIGNED",
      actor: { kind: "system" },
      at: now,
      payload: assigneeId
        ? { assigneeId, previousAssigneeId: null, routing: "ward_officer" }
        : { assigneeId: null, previousAssigneeId: null, routing: "supervisor_queue" },
    });
    await enqueue(tx, "grievance.classify", { grievanceId: grievance.id }, { jobKey: `grievance.classify:${grievance.id}` });
    return {
      id: grievance.id,
      reference: grievance.reference,
      status: grievance.status,
      classificationStatus: grievance.classificationStatus,
    };
  }, CREATE_TRANSACTION_OPTIONS);
}
