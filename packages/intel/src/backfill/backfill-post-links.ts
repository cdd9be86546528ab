import type { Db } from "@sunuwai/db";
import { recomputeWardRollup } from "../pulse/rollup";
import { matchKey } from "../text/normalize";

export interface BackfillLinksResult {
  scanned: number;
  linked: number;
  /** Matched an epaper that already has a post: linking would violate the one-post-per-epaper index. */
  skipped: number;
  /** No epaper of the same source and date whose headline opens the post. */
  unmatched: number;
}

const BATCH = 500;

/**
 * Links legacy posts (no `epaperId`) to their epaper: same publication (case-insensitive), same date, and the post's
 * text opens with the epaper's headline (after normalisation); the longest such headline wins. A link that would give
 * an epaper a second post is skipped and counted. Rollups of wards that gained links are rebuilt.
 */
export async function backfillPostLinks(db: Db, input: { onBatch?: (r: BackfillLinksResult) => void } = {}): Promise<BackfillLinksResult> {
  const result: BackfillLinksResult = { scanned: 0, linked: 0, skipped: 0, unmatched: 0 };
  const wards = new Set<string>();
  let cursor = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const posts = await db.$queryRaw<{ id: string; text: string; wardId: string | null; candidates: { id: string; title: string; taken: boolean }[] | null }[]>`
      SELECT p."id"::text AS id, p."text", p."wardId"::text AS "wardId",
        (SELECT jsonb_agg(jsonb_build_object('id', e."id", 'title', e."title",
                 'taken', EXISTS (SELECT 1 FROM "Post" x WHERE x."epaperId" = e."id")))
         FROM "Epaper" e
         WHERE e."publicationDate" = (p."publishedAt" AT TIME ZONE 'UTC')::date
           AND lower(e."publicationName") = lower(trim(p."source"))) AS candidates
      FROM "Post" p
      WHERE p."epaperId" IS NULL AND p."id" > ${cursor}::uuid
      ORDER BY p."id" LIMIT ${BATCH}::int`;
    if (posts.length === 0) break;
    cursor = posts.at(-1)?.id ?? cursor;
    result.scanned += posts.length;
    const links: { post_id: string; epaper_id: string }[] = [];
    const claimed = new Set<string>();
    for (const post of posts) {
      const text = matchKey(post.text);
      const best = (post.candidates ?? [])
        .map((c) => ({ ...c, key: matchKey(c.title) }))
        .filter((c) => c.key !== "" && (text === c.key || text.startsWith(`${c.key} `)))
        .sort((a, b) => b.key.length - a.key.length)[0];
      if (!best) result.unmatched++;
      else if (best.taken || claimed.has(best.id)) result.skipped++;
      else {
        claimed.add(best.id);
        links.push({ post_id: post.id, epaper_id: best.id });
        if (post.wardId) wards.add(post.wardId);
      }
    }
    if (links.length > 0) {
      const linked = await db.$queryRaw<{ id: string }[]>`
        UPDATE "Post" p SET "epaperId" = l.epaper_id, "isDuplicate" = e."duplicateOfId" IS NOT NULL, "updatedAt" = now()
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS l(post_id uuid, epaper_id uuid)
        JOIN "Epaper" e ON e."id" = l.epaper_id
        WHERE p."id" = l.post_id AND p."epaperId" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "Post" x WHERE x."epaperId" = l.epaper_id)
        RETURNING p."id"::text AS id`;
      result.linked += linked.length;
      result.skipped += links.length - linked.length;
    }
    input.onBatch?.({ ...result });
  }
  for (const wardId of wards) await recomputeWardRollup(db, wardId);
  return result;
}
