import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import { decryptComplainantPii, encryptComplainantPii } from "./complainant-pii";
import { getPiiVault } from "./vault";
import type { PiiVault } from "./vault";

export interface RotationProgress {
  /** Batches committed so far in this run. */
  batches: number;
  rotated: number;
  /** Rows on older keys when the run started. */
  total: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Checked between batches: the batch in flight commits, then the run stops (and can be resumed). */
  signal?: AbortSignal;
  /** Start after this complainant id (the cursor a previous, interrupted task run handed on). */
  afterId?: string;
  /** Stop after this many batches (a task does a slice of the work per job). */
  maxBatches?: number;
  onProgress?: (progress: RotationProgress) => void;
  vault?: PiiVault;
}

export interface RotationResult {
  keyId: string;
  rotated: number;
  batches: number;
  /** Rows still on older keys. */
  remaining: number;
  /** True when no row is left on an older key. */
  done: boolean;
  aborted: boolean;
  /** Cursor to resume from when stopped by `maxBatches`. */
  lastId: string | null;
}

interface CipherRow {
  id: string;
  keyId: string;
  nameCipher: Uint8Array;
  phoneCipher: Uint8Array | null;
  emailCipher: Uint8Array | null;
  addressCipher: Uint8Array | null;
}

async function countOnOldKeys(db: Db, keyId: string): Promise<number> {
  return db.complainant.count({ where: { keyId: { not: keyId } } });
}

const hex = (value: Uint8Array | null) =>
  value === null ? null : Buffer.from(value).toString("hex");

/**
 * Re-encrypts one batch after `cursor` in its own transaction, written back with one UPDATE; rows another
 * transaction holds are skipped (a later pass takes them).
 */
async function rotateBatch(
  db: Db,
  vault: PiiVault,
  cursor: string | null,
  batchSize: number,
): Promise<string[]> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<CipherRow[]>`
      SELECT "id"::text AS id, "keyId", "nameCipher", "phoneCipher", "emailCipher", "addressCipher"
      FROM "Complainant"
      WHERE "keyId" <> ${vault.currentKeyId} AND (${cursor}::uuid IS NULL OR "id" > ${cursor}::uuid)
      ORDER BY "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return [];
      const sealed = rows.map((row) => {
        if (!vault.hasKey(row.keyId)) {
          throw new AppError(
            "INTERNAL",
            `Complainant ${row.id} is on key "${row.keyId}", which is not in PII_ENCRYPTION_KEYS; add it as an older key and run again`,
          );
        }
        try {
          return encryptComplainantPii(vault, row.id, decryptComplainantPii(vault, row));
        } catch (error) {
          if (error instanceof AppError)
            throw new AppError("INTERNAL", `Complainant ${row.id}: ${error.message}`);
          throw error;
        }
      });
      // Blind indexes and phoneLast3 do not depend on the encryption key, so only the ciphertexts and key id change.
      await tx.$executeRaw`
      UPDATE "Complainant" AS c SET
        "nameCipher" = decode(v.name, 'hex'),
        "phoneCipher" = decode(v.phone, 'hex'),
        "emailCipher" = decode(v.email, 'hex'),
        "addressCipher" = decode(v.address, 'hex'),
        "keyId" = ${vault.currentKeyId},
        "updatedAt" = now()
      FROM unnest(
        ${rows.map((row) => row.id)}::uuid[],
        ${sealed.map((columns) => hex(columns.nameCipher))}::text[],
        ${sealed.map((columns) => hex(columns.phoneCipher))}::text[],
        ${sealed.map((columns) => hex(columns.emailCipher))}::text[],
        ${sealed.map((columns) => hex(columns.addressCipher))}::text[]
      ) AS v(id, name, phone, email, address)
      WHERE c."id" = v.id`;
      return rows.map((row) => row.id);
    },
    { timeout: 60_000 },
  );
}

/**
 * Re-encrypts every complainant whose key is not the current one, a batch per transaction in id order. Safe to
 * stop at any point and run again: finished rows carry the current key id and are not selected again.
 */
export async function rotateKeys(db: Db, options: RotationOptions = {}): Promise<RotationResult> {
  const vault = options.vault ?? getPiiVault();
  const batchSize = options.batchSize ?? 500;
  const total = await countOnOldKeys(db, vault.currentKeyId);
  let cursor = options.afterId ?? null;
  let rotated = 0;
  let batches = 0;
  let aborted = false;
  let remaining = total;
  for (;;) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
    const ids = await rotateBatch(db, vault, cursor, batchSize);
    if (ids.length > 0) {
      batches += 1;
      rotated += ids.length;
      cursor = ids.at(-1) ?? cursor;
      options.onProgress?.({ batches, rotated, total });
      continue;
    }
    // End of a pass. Rows skipped while locked, or before a resumed cursor, get another pass from the start;
    // a pass from the start that finds nothing it can lock ends the run.
    remaining = await countOnOldKeys(db, vault.currentKeyId);
    if (remaining === 0 || cursor === null) break;
    cursor = null;
  }
  if (aborted || options.maxBatches !== undefined)
    remaining = await countOnOldKeys(db, vault.currentKeyId);
  return {
    keyId: vault.currentKeyId,
    rotated,
    batches,
    remaining,
    done: remaining === 0,
    aborted,
    lastId: cursor,
  };
}
