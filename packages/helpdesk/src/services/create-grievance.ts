import { randomUUID } from "node:crypto";
import { Prisma } from "@sunuwai/db";
import type { Db, Tx } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import type { CreateGrievanceInput, CreateGrievanceOutput } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { chatbotEventActor } from "../access/actor";
import type { ChatbotActor } from "../access/actor";
import { isSensitive } from "../access/visibility";
import { env } from "../env";
import { grievanceEventsCtes } from "../events";
import type { NewGrievanceEvent } from "../events";
import { normalisePhone } from "../pii/normalise";
import { enqueueNotificationSend, planNotification } from "../notifications/queue";
import type { NotificationPlan } from "../notifications/queue";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { referenceYear } from "../workflow/reference";
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

/** A ward by uuid or public code; an unknown one is a validation error naming what was given. */
export async function resolveWardId(tx: Tx, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const ward = await tx.ward.findFirst({
    where: isUuid(ref) ? { id: ref } : { code: ref },
    select: { id: true },
  });
  if (!ward) throw new AppError("VALIDATION", `Unknown ward "${ref}"`);
  return ward.id;
}

/**
 * The "received" Notification row, keyed to the first event as `queueNotification` keys it (`event:<id>`), as a
 * CTE of the numbering statement: it adds no round trip while the year's sequence row is locked.
 */
function receivedNotificationCte(
  grievanceId: string,
  notification: { id: string } & NotificationPlan,
): Prisma.Sql {
  return Prisma.sql`, received AS (
      INSERT INTO "Notification" ("id", "channel", "template", "language", "idempotencyKey", "status", "attempts",
        "createdAt", "updatedAt", "grievanceId")
      SELECT ${notification.id}::uuid, ${notification.channel}::"NotificationChannel", 'received',
        ${notification.language}, 'event:' || input.id::text, 'QUEUED', 0, now(), now(), ${grievanceId}::uuid
      FROM input WHERE input.ord = 1
    )`;
}

/**
 * Takes the year's next number, inserts the grievance under it, appends its first events and writes the
 * "received" notification, in one statement. The sequence row stays locked until commit, so this runs last:
 * everything else is already done.
 */
async function insertNumberedGrievance(
  tx: Tx,
  row: {
    id: string;
    year: number;
    description: string;
    language: string;
    categories: string[];
    sensitive: boolean;
    slaDueAt: Date | null;
    createdAt: Date;
    complainantId: string;
    wardId: string | null;
    assigneeId: string | null;
    sourceApiTokenId: string;
  },
  events: readonly NewGrievanceEvent[],
  notification: ({ id: string } & NotificationPlan) | null,
): Promise<string> {
  const inserted = await tx.$queryRaw<{ reference: string }[]>`
    WITH next AS (
      INSERT INTO "GrievanceSequence" ("year", "value") VALUES (${row.year}, 1)
      ON CONFLICT ("year") DO UPDATE SET "value" = "GrievanceSequence"."value" + 1
      RETURNING "value"
    ), created AS (
      INSERT INTO "Grievance" ("id", "reference", "year", "sequence", "description", "language", "categories", "sensitive",
        "slaDueAt", "createdAt", "updatedAt", "complainantId", "wardId", "assigneeId", "sourceApiTokenId")
      SELECT ${row.id}::uuid, 'GRV-' || ${row.year}::int || '-' || lpad(next."value"::text, 6, '0'), ${row.year}::int, next."value",
        ${row.description}, ${row.language}, ${row.categories}::text[], ${row.sensitive}, ${row.slaDueAt}::timestamptz,
        ${row.createdAt}::timestamptz, now(), ${row.complainantId}::uuid, ${row.wardId}::uuid, ${row.assigneeId}::uuid,
        ${row.sourceApiTokenId}::uuid
      FROM next
      RETURNING "reference"
    ), ${grievanceEventsCtes(row, events)}
    ${notification ? receivedNotificationCte(row.id, notification) : Prisma.empty}
    SELECT created."reference", (SELECT count(*) FROM announced) AS events FROM created`;
  const reference = inserted[0]?.reference;
  if (!reference) throw new Error("Grievance insert returned no reference");
  return reference;
}

/**
 * Files a grievance for a chatbot in one transaction: complainant (encrypted, found again by phone), routing to
 * the least-loaded officer of the ward, the `grievance.classify` job, then the grievance under a gap-free
 * reference with its CREATED + ASSIGNED events and the "received" notification (with its `notification.send`
 * job). Returns at once; classification follows asynchronously.
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
  // Refuse a bad phone number before opening a transaction (the message never repeats the number).
  normalisePhone(input.complainant.phone);
  const categories = [...new Set(input.categories ?? [])];
  const sensitive = isSensitive({ sensitive: false, categories });
  const id = randomUUID();

  return db.$transaction(async (tx) => {
    const complainantWardId = await resolveWardId(tx, input.complainant.ward);
    const wardId =
      input.ward === input.complainant.ward
        ? complainantWardId
        : ((await resolveWardId(tx, input.ward)) ?? complainantWardId);
    const complainantId = await findOrCreateComplainant(tx, vault, {
      name: input.complainant.fullName,
      phone: input.complainant.phone,
      email: input.complainant.email ?? null,
      address: input.complainant.address ?? null,
      municipality: input.complainant.municipality ?? null,
      wardId: complainantWardId ?? wardId,
      preferredChannel: input.complainant.preferredChannel ?? null,
    });
    // Outside the reference lock: two simultaneous creations may pick the same officer; the load evens out.
    const assigneeId = await pickOfficerForWard(tx, wardId);
    await enqueue(
      tx,
      "grievance.classify",
      { grievanceId: id },
      { jobKey: `grievance.classify:${id}` },
    );
    // The "received" message's job can go first: it names the notification by an id chosen here.
    const plan = await planNotification(tx, complainantId, input.language);
    const notification = plan ? { id: randomUUID(), ...plan } : null;
    if (notification) await enqueueNotificationSend(tx, notification.id);
    const reference = await insertNumberedGrievance(
      tx,
      {
        id,
        year,
        description: input.description,
        language: input.language,
        categories,
        sensitive,
        slaDueAt: slaDueAt(1, now, policy),
        createdAt: now,
        complainantId,
        wardId,
        assigneeId,
        sourceApiTokenId: actor.apiTokenId,
      },
      [
        {
          type: "CREATED",
          actor: chatbotEventActor(actor),
          public: true,
          at: now,
          payload: { language: input.language, wardId },
        },
        {
          type: "ASSIGNED",
          actor: { kind: "system" },
          at: now,
          payload: {
            assigneeId,
            previousAssigneeId: null,
            routing: assigneeId ? "ward_officer" : "supervisor_queue",
          },
        },
      ],
      notification,
    );
    return { id, reference, status: "SUBMITTED", classificationStatus: "PENDING" };
  }, CREATE_TRANSACTION_OPTIONS);
}
