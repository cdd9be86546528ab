import { readFileSync } from "node:fs";
import { createDb } from "@sunuwai/db";
const db = createDb(readFileSync("/tmp/intel-pulse-url", "utf8"), { max: 2 });
const wards = (await db.ward.findMany({ select: { id: true } })).map((w) => w.id);
const times: number[] = [];
for (let r = 0; r < 40; r++) {
  const s = performance.now();
  const rows = await db.$queryRawUnsafe<{ posts: string }[]>(`SELECT coalesce(json_agg(json_build_array(p."id", to_char(p."publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD'), p."source", p."party", p."topics") ORDER BY p."publishedAt", p."id"), '[]')::text AS posts
    FROM "Post" p WHERE p."wardId" = $1::uuid AND NOT p."isDuplicate"
      AND p."publishedAt" >= $2::date::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'`, wards[(r * 13) % wards.length], "2025-03-01", "2025-05-29");
  const posts = JSON.parse(rows[0]!.posts) as unknown[];
  times.push(performance.now() - s);
  if (r === 0) console.log(posts.length, posts[0]);
}
times.sort((a, b) => a - b); console.log("json_agg via prisma p50", times[20]!.toFixed(1), "p90", times[36]!.toFixed(1));
await db.$disconnect();
