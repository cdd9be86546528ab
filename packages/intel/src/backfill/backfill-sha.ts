import type { Db } from "@sunuwai/db";
import { articleSha256, titleHash } from "../text/normalize";

export interface BackfillShaResult {
  scanned: number;
  updated: number;
  /** Left as they were: the canonical sha256 belongs to another epaper (the same article stored twice). */
  skipped: number;
  unchanged: number;
}

const BATCH = 1000;

/**
 * Gives every epaper the canonical sha256 and normalised-title hash: rows imported from the original system carry a
 * hash of the raw text (or of other fields), which lets the same article in again with other whitespace. A row whose
 * canonical hash already belongs to another epaper is skipped and counted rather than merged.
 */
export async function backfillSha(db: Db, input: { onBatch?: (r: BackfillShaResult) => void } = {}): Promise<BackfillShaResult> {
  const result: BackfillShaResult = { scanned: 0, updated: 0, skipped: 0, unchanged: 0 };
  let cursor = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; sha256: string; titleHash: string; publicationName: string; day: string; title: string; body: string }[]>`
      SELECT "id"::text AS id, "sha256", "titleHash", "publicationName", to_char("publicationDate", 'YYYY-MM-DD') AS day, "title", "body"
      FROM "Epaper"
      WHERE "id" > ${cursor}::uuid
      ORDER BY "id" LIMIT ${BATCH}::int`;
    if (rows.length === 0) break;
    cursor = rows.at(-1)?.id ?? cursor;
    result.scanned += rows.length;
    const updates: { id: string; sha256: string; title_hash: string }[] = [];
    const claimed = new Set<string>();
    for (const row of rows) {
      const sha256 = articleSha256({ publicationName: row.publicationName, publicationDate: row.day, title: row.title, body: row.body });
      const hash = titleHash(row.title);
      if (sha256 === row.sha256 && hash === row.titleHash) {
        result.unchanged++;
        continue;
      }
      if (claimed.has(sha256)) {
        result.skipped++;
        continue;
      }
      claimed.add(sha256);
      updates.push({ id: row.id, sha256, title_hash: hash });
    }
    if (updates.length > 0) {
      const changed = await db.$queryRaw<{ id: string }[]>`
        UPDATE "Epaper" e SET "sha256" = u.sha256, "titleHash" = u.title_hash
        FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS u(id uuid, sha256 text, title_hash text)
        WHERE e."id" = u.id AND NOT EXISTS (SELECT 1 FROM "Epaper" o WHERE o."sha256" = u.sha256 AND o."id" <> u.id)
        RETURNING e."id"::text AS id`;
      result.updated += changed.length;
      result.skipped += updates.length - changed.length;
    }
    input.onBatch?.({ ...result });
  }
  return result;
}
