import { randomUUID } from "node:crypto";
import { Prisma } from "@sunuwai/db";
import type { Db, Tx } from "@sunuwai/db";
import { enqueueSql } from "@sunuwai/jobs";
import type { CreateGrievanceInput, CreateGrievanceOutput } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { chatbotEventActor } from "../access/actor";
import type { ChatbotActor } from "../access/actor";
import { isSensitive } from "../access/visibility";
import { env } from "../env";
import { grievanceEventsCtes } from "../events";
import type { NewGrievanceEvent } from "../events";
import { normalisePhone } from "../pii/normalise";
import { notificationPlanFor, notificationSendJobSql } from "../notifications/queue";
import type { NotificationPlan } from "../notifications/queue";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { referenceYear } from "../workflow/reference";
import { slaDueAt, slaPolicyFromEnv } from "../workflow/sla";
import type { SlaPolicy } from "../workflow/sla";
import {
  complainantLockSql,
  complainantOnFileSql,
  complainantWriteCte,
  planComplainant,
} from "./complainants";
import type { ComplainantOnFile, ComplainantWrite } from "./complainants";
import { isUuid } from "./load";
import { officerForWardSql } from "./routing";

export interface CreateGrievanceOptions {
  now?: Date;
  vault?: PiiVault;
  policy?: SlaPolicy;
  timeZone?: string;
}

/** Creation waits for the year's reference lock behind other creations; give it room under load. */
export const CREATE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** A ward by uuid or public code as a scalar subquery (uuid as text); NULL when none is given or none matches. */
function wardIdSql(ref: string | undefined): Prisma.Sql {
  if (!ref) return Prisma.sql`NULL::text`;
  return isUuid(ref)
    ? Prisma.sql`(SELECT "id"::text FROM "Ward" WHERE "id" = ${ref}::uuid)`
    : Prisma.sql`(SELECT "id"::text FROM "Ward" WHERE "code" = ${ref})`;
}

function unknownWard(ref: string): AppError {
  return new AppError("VALIDATION", `Unknown ward "${ref}"`);
}

/**
 * Takes the phone number's lock (two simultaneous first grievances from one phone must not create two
 * complainants) and resolves the complainant's ward and the grievance's ward, in one statement.
 */
async function lockPhoneAndResolveWards(
  tx: Tx,
  phoneIndex: string,
  input: CreateGrievanceInput,
): Promise<{ complainantWardId: string | null; wardId: string | null }> {
  const [row] = await tx.$queryRaw<{ complainantWardId: string | null; wardId: string | null }[]>`
    SELECT ${wardIdSql(input.complainant.ward)} AS "complainantWardId", ${wardIdSql(input.ward)} AS "wardId"
    FROM (SELECT ${complainantLockSql(phoneIndex)}) AS locked`;
  if (!row) throw new Error("Ward lookup returned no row");
  if (input.complainant.ward && !row.complainantWardId) throw unknownWard(input.complainant.ward);
  if (input.ward && !row.wardId) throw unknownWard(input.ward);
  return { complainantWardId: row.complainantWardId, wardId: row.wardId ?? row.complainantWardId };
}

/** The complainant on file for the phone (after the lock) and the ward's least-loaded officer, in one statement. */
async function findComplainantAndOfficer(
  tx: Tx,
  phoneIndex: string,
  wardId: string | null,
): Promise<{ onFile: ComplainantOnFile | null; assigneeId: string | null }> {
  const [row] = await tx.$queryRaw<
    ({ assigneeId: string | null } & NullableRow<ComplainantOnFile>)[]
  >`
    SELECT ${officerForWardSql(wardId)} AS "assigneeId", c.*
    FROM (SELECT 1) AS one LEFT JOIN LATERAL (${complainantOnFileSql(phoneIndex)}) AS c ON TRUE`;
  if (!row) throw new Error("Complainant lookup returned no row");
  const { assigneeId, ...complainant } = row;
  return { onFile: isPresent(complainant) ? complainant : null, assigneeId };
}

/** A LEFT JOIN's row: every column may be NULL when nothing matched. */
type NullableRow<T> = { [K in keyof T]: T[K] | null };

function isPresent(row: NullableRow<ComplainantOnFile>): row is ComplainantOnFile {
  return row.id !== null && row.nameCipher !== null;
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
 * Writes the complainant (new, or details added), takes the year's next number, inserts the grievance under it,
 * appends its first events, writes the "received" notification and adds the jobs, in one statement. The sequence
 * row stays locked until commit, so this runs last: everything else is already done.
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
  complainantWrite: ComplainantWrite | null,
  events: readonly NewGrievanceEvent[],
  notification: ({ id: string } & NotificationPlan) | null,
): Promise<string> {
  const jobs = [
    enqueueSql(
      "grievance.classify",
      { grievanceId: row.id },
      { jobKey: `grievance.classify:${row.id}` },
    ),
    ...(notification ? [notificationSendJobSql(notification.id)] : []),
  ];
  const inserted = await tx.$queryRaw<{ reference: string; jobs: number }[]>`
    WITH ${complainantWrite ? Prisma.sql`${complainantWriteCte(row.complainantId, complainantWrite)},` : Prisma.empty}
    next AS (
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
    ${notification ? receivedNotificationCte(row.id, notification) : Prisma.empty},
    jobs AS (${Prisma.join(
      jobs.map((job) => Prisma.sql`SELECT job.id FROM ${job} AS job`),
      " UNION ALL ",
    )})
    SELECT created."reference", (SELECT count(*) FROM announced) AS events, (SELECT count(*)::int FROM jobs) AS jobs
    FROM created`;
  const reference = inserted[0]?.reference;
  if (!reference) throw new Error("Grievance insert returned no reference");
  if (inserted[0]?.jobs !== jobs.length)
    throw new Error("Grievance insert added the wrong number of jobs");
  return reference;
}

/**
 * Files a grievance for a chatbot in one transaction of three statements (each a round trip): the phone's lock and
 * the wards; the complainant on file and the ward's least-loaded officer; then the complainant (encrypted, found
 * again by phone) with the grievance under a gap-free reference, its CREATED + ASSIGNED events, the "received"
 * notification and the `grievance.classify` and `notification.send` jobs. Returns at once; classification follows
 * asynchronously.
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
  const phoneIndex = vault.phoneIndex(input.complainant.phone);

  return db.$transaction(async (tx) => {
    const { complainantWardId, wardId } = await lockPhoneAndResolveWards(tx, phoneIndex, input);
    // Routing happens outside the reference lock: two simultaneous creations may pick the same officer; the load
    // evens out.
    const { onFile, assigneeId } = await findComplainantAndOfficer(tx, phoneIndex, wardId);
    const complainant = planComplainant(vault, onFile, {
      name: input.complainant.fullName,
      phone: input.complainant.phone,
      email: input.complainant.email ?? null,
      address: input.complainant.address ?? null,
      municipality: input.complainant.municipality ?? null,
      wardId: complainantWardId ?? wardId,
      preferredChannel: input.complainant.preferredChannel ?? null,
    });
    const plan = notificationPlanFor(complainant.contact, input.language);
    const notification = plan ? { id: randomUUID(), ...plan } : null;
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
        complainantId: complainant.id,
        wardId,
        assigneeId,
        sourceApiTokenId: actor.apiTokenId,
      },
      complainant.write,
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
