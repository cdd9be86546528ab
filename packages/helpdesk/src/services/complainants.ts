import { randomUUID } from "node:crypto";
import type { Db, NotificationChannel, Tx } from "@sunuwai/db";
import { decryptComplainantPii, encryptComplainantPii } from "../pii/complainant-pii";
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

const CIPHER_SELECT = {
  id: true,
  nameCipher: true,
  phoneCipher: true,
  emailCipher: true,
  addressCipher: true,
  municipality: true,
  wardId: true,
  preferredChannel: true,
} as const;

/**
 * The complainant with this phone number, created if new. A known complainant keeps the name on file; details
 * they had not given before (email, address, municipality, ward) are added, re-encrypting the row under the
 * current key so that all its values share one key id.
 */
export async function findOrCreateComplainant(
  tx: Tx,
  vault: PiiVault,
  details: ComplainantDetails,
): Promise<string> {
  const phoneIndex = vault.phoneIndex(details.phone);
  // Two simultaneous first grievances from one phone must not create two complainants.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`complainant:${phoneIndex}`}, 0))`;
  const existing = await tx.complainant.findFirst({
    where: { phoneBlindIndex: phoneIndex },
    orderBy: { createdAt: "asc" },
    select: CIPHER_SELECT,
  });
  if (!existing) {
    const id = randomUUID();
    await tx.complainant.create({
      data: {
        id,
        ...encryptComplainantPii(vault, id, details),
        municipality: details.municipality ?? null,
        wardId: details.wardId ?? null,
        preferredChannel: details.preferredChannel ?? null,
      },
    });
    return id;
  }
  const onFile = decryptComplainantPii(vault, existing);
  const missingEmail = !onFile.email && !!details.email;
  const missingAddress = !onFile.address && !!details.address;
  const missingPlain =
    (!existing.municipality && !!details.municipality) ||
    (!existing.wardId && !!details.wardId) ||
    (!existing.preferredChannel && !!details.preferredChannel);
  if (missingEmail || missingAddress || missingPlain) {
    await tx.complainant.update({
      where: { id: existing.id },
      data: {
        ...encryptComplainantPii(vault, existing.id, {
          name: onFile.name,
          phone: onFile.phone,
          email: onFile.email ?? details.email ?? null,
          address: onFile.address ?? details.address ?? null,
        }),
        municipality: existing.municipality ?? details.municipality ?? null,
        wardId: existing.wardId ?? details.wardId ?? null,
        preferredChannel: existing.preferredChannel ?? details.preferredChannel ?? null,
      },
    });
  }
  return existing.id;
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
