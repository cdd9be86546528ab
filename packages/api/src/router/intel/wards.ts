import type { Db } from "@sunuwai/db";
import { listIntelWards, wardMeta } from "@sunuwai/intel";
import { wardMetaSchema } from "@sunuwai/validators";
import { z } from "zod";
import { analystProcedure } from "../../trpc";
import {
  evidencePostSchema,
  evidencePostsInputSchema,
  intelWardSchema,
  wardCodeInputSchema,
} from "./schemas";
import type { EvidencePost, IntelWard } from "./schemas";

/** Every ward with its article count, read from the daily rollup (never from raw posts). */
async function wardsWithCoverage(db: Db): Promise<IntelWard[]> {
  const [wards, coverage] = await Promise.all([
    listIntelWards(db),
    db.wardPulseDaily.groupBy({
      by: ["wardId"],
      _sum: { posts: true },
      _max: { day: true },
      where: { posts: { gt: 0 } },
    }),
  ]);
  const byWard = new Map(coverage.map((row) => [row.wardId, row]));
  return wards.map((ward) => {
    const row = byWard.get(ward.id);
    return {
      ...ward,
      posts: row?._sum.posts ?? 0,
      lastPostDay: row?._max.day?.toISOString().slice(0, 10) ?? null,
    };
  });
}

/** The articles behind a figure or an alert, in the order asked for. */
async function evidencePosts(db: Db, ids: readonly string[]): Promise<EvidencePost[]> {
  const rows = await db.post.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      text: true,
      source: true,
      party: true,
      sentiment: true,
      topics: true,
      isDuplicate: true,
      publishedAt: true,
      analysedBy: true,
      ward: { select: { code: true } },
      epaper: { select: { title: true, url: true, language: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        wardCode: row.ward?.code ?? null,
        headline: row.epaper?.title ?? row.text.split("\n", 1)[0] ?? row.text,
        text: row.text,
        source: row.source,
        url: row.epaper?.url ?? null,
        language: row.epaper?.language ?? null,
        party: row.party,
        sentiment: row.sentiment,
        topics: row.topics,
        isDuplicate: row.isDuplicate,
        publishedAt: row.publishedAt,
        analysedBy: row.analysedBy,
      },
    ];
  });
}

export const wardProcedures = {
  /** Wards for the picker: code, English and local names, article counts. */
  wards: analystProcedure
    .output(z.array(intelWardSchema))
    .query(({ ctx }) => wardsWithCoverage(ctx.db)),
  /** Profile, demographics, features and electoral aggregates; `updated_at` is the newest timestamp inside. */
  wardMeta: analystProcedure
    .input(wardCodeInputSchema)
    .output(wardMetaSchema)
    .query(({ ctx, input }) => wardMeta(ctx.db, input)),
  /** The articles behind a pulse figure or an alert's evidence. */
  posts: analystProcedure
    .input(evidencePostsInputSchema)
    .output(z.array(evidencePostSchema))
    .query(({ ctx, input }) => evidencePosts(ctx.db, input.ids)),
};
