import { randomUUID } from "node:crypto";
import { Prisma } from "@sunuwai/db";
import type { Db, NotificationChannel, Tx } from "@sunuwai/db";
import { decryptComplainantPii, encryptComplainantPii } from "../pii/complainant-pii";
import type { ComplainantPiiColumns } from "../pii/complainant-pii";
import type { PiiVault } from "../pii/vault";

export interface ComplainantDetails {
  name: string;
  phone: string;
  email?: string | null;
  address?: string | null;
  municipality?: string | null;
  wardId?: string | null;
  preferredChannel?: NotificationChannel | null;
}

/** Holds creations for one phone number back until this transaction ends (an expression yielding void). */
export function complainantLockSql(phoneIndex: string): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(hashtextextended(${`complainant:${phoneIndex}`}, 0))`;
}

/** What creation reads of the complainant already on file for a phone number. */
export interface ComplainantOnFile {
  id: string;
  nameCipher: Uint8Array;
  phoneCipher: Uint8Array | null;
  emailCipher: Uint8Array | null;
  addressCipher: Uint8Array | null;
  municipality: string | null;
  wardId: string | null;
  preferredChannel: NotificationChannel | null;
  phoneBlindIndex: string | null;
  emailBlindIndex: string | null;
}

/**
 * The oldest complainant with this phone number, as a query returning at most one `ComplainantOnFile` row. Run
 * it in a statement after `complainantLockSql`'s: a statement only sees rows committed before it started.
 */
export function complainantOnFileSql(phoneIndex: string): Prisma.Sql {
  return Prisma.sql`SELECT "id"::text AS "id", "nameCipher", "phoneCipher", "emailCipher", "addressCipher", "municipality",
      "wardId"::text AS "wardId", "preferredChannel"::text AS "preferredChannel", "phoneBlindIndex", "emailBlindIndex"
    FROM "Complainant" WHERE "phoneBlindIndex" = ${phoneIndex} ORDER BY "createdAt" ASC LIMIT 1`;
}

type ComplainantColumns = ComplainantPiiColumns & {
  municipality: string | null;
  wardId: string | null;
  preferredChannel: NotificationChannel | null;
};

/** A complainant row to insert, or one on file to update with details it lacked. */
export interface ComplainantWrite {
  kind: "insert" | "update";
  columns: ComplainantColumns;
}

export interface ComplainantPlan {
  id: string;
  write: ComplainantWrite | null;
  /** How the complainant can be reached once the write is done. */
  contact: Pick<ComplainantColumns, "preferredChannel" | "emailBlindIndex" | "phoneBlindIndex">;
}

/**
 * The complainant a grievance with these details belongs to, given the one on file for the phone number (if any).
 * A known complainant keeps the name on file; details they had not given before (email, address, municipality,
 * ward, channel) are added, re-encrypting the row under the current key so that all its values share one key id.
 */
export function planComplainant(
  vault: PiiVault,
  onFile: ComplainantOnFile | null,
  details: ComplainantDetails,
): ComplainantPlan {
  if (!onFile) {
    const id = randomUUID();
    const columns: ComplainantColumns = {
      ...encryptComplainantPii(vault, id, details),
      municipality: details.municipality ?? null,
      wardId: details.wardId ?? null,
      preferredChannel: details.preferredChannel ?? null,
    };
    return { id, write: { kind: "insert", columns }, contact: columns };
  }
  const pii = decryptComplainantPii(vault, onFile);
  const missingEmail = !pii.email && !!details.email;
  const missingAddress = !pii.address && !!details.address;
  const missingPlain =
    (!onFile.municipality && !!details.municipality) ||
    (!onFile.wardId && !!details.wardId) ||
    (!onFile.preferredChannel && !!details.preferredChannel);
  if (!missingEmail && !missingAddress && !missingPlain)
    return { id: onFile.id, write: null, contact: onFile };
  const columns: ComplainantColumns = {
    ...encryptComplainantPii(vault, onFile.id, {
      name: pii.name,
      phone: pii.phone,
      email: pii.email ?? details.email ?? null,
      address: pii.address ?? details.address ?? null,
    }),
    municipality: onFile.municipality ?? details.municipality ?? null,
    wardId: onFile.wardId ?? details.wardId ?? null,
    preferredChannel: onFile.preferredChannel ?? details.preferredChannel ?? null,
  };
  return { id: onFile.id, write: { kind: "update", columns }, contact: columns };
}

/** The plan's write as the CTE `complainant_written`, for the statement that files the grievance. */
export function complainantWriteCte(id: string, write: ComplainantWrite): Prisma.Sql {
  const c = write.columns;
  const values = Prisma.sql`${c.nameCipher}::bytea, ${c.phoneCipher}::bytea, ${c.emailCipher}::bytea,
    ${c.addressCipher}::bytea, ${c.keyId}, ${c.phoneBlindIndex}, ${c.emailBlindIndex}, ${c.phoneLast3},
    ${c.municipality}, ${c.preferredChannel}::"NotificationChannel", ${c.wardId}::uuid`;
  const columns = Prisma.sql`"nameCipher", "phoneCipher", "emailCipher", "addressCipher", "keyId", "phoneBlindIndex",
    "emailBlindIndex", "phoneLast3", "municipality", "preferredChannel", "wardId"`;
  if (write.kind === "insert") {
    return Prisma.sql`complainant_written AS (
      INSERT INTO "Complainant" ("id", ${columns}, "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${values}, now(), now())
    )`;
  }
  return Prisma.sql`complainant_written AS (
      UPDATE "Complainant" SET (${columns}, "updatedAt") = (${values}, now()) WHERE "id" = ${id}::uuid
    )`;
}

/** Ids of complainants on file with this phone number (any spelling); empty when none or not a phone number. */
export async function findComplainantIdsByPhone(
  db: Db | Tx,
  vault: PiiVault,
  phone: string,
): Promise<string[]> {
  let index: string;
  try {
    index = vault.phoneIndex(phone);
  } catch {
    return [];
  }
  const rows = await db.complainant.findMany({
    where: { phoneBlindIndex: index },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Ids of complainants on file with this email (case and surrounding spaces ignored). */
export async function findComplainantIdsByEmail(
  db: Db | Tx,
  vault: PiiVault,
  email: string,
): Promise<string[]> {
  const rows = await db.complainant.findMany({
    where: { emailBlindIndex: vault.emailIndex(email) },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
