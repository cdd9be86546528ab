import { readFileSync } from "node:fs";
import pg from "pg";
const c = new pg.Client({ connectionString: readFileSync("/tmp/intel-pulse-url", "utf8") }); await c.connect();
const wards = (await c.query(`SELECT id FROM "Ward"`)).rows.map((r) => r.id);
const q2 = `
    WITH posts AS MATERIALIZED (
      SELECT p."id", p."publishedAt" AS at, p."source", p."party", p."topics", (p."publishedAt" AT TIME ZONE 'UTC')::date AS day
      FROM "Post" p
      WHERE p."wardId" = $1::uuid AND NOT p."isDuplicate"
        AND p."publishedAt" >= $2::date::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
    ),
    keyed AS (
      SELECT 1 AS kind, t.key, p."id", p.at, p."source" FROM posts p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p."topics") AS key) AS t
      UNION ALL SELECT 2, p."party", p."id", p.at, p."source" FROM posts p WHERE p."party" IS NOT NULL
      UNION ALL SELECT 3, p."source", p."id", p.at, p."source" FROM posts p
    ),
    ranked AS (
      SELECT k.*, row_number() OVER newest AS rank, first_value(k."source") OVER newest AS newest_source
      FROM keyed k WINDOW newest AS (PARTITION BY k.kind, hashtext(k.key), k.key ORDER BY k.at DESC, k."id")
    ),
    days AS (
      SELECT p.day, p."id", p.at, row_number() OVER (PARTITION BY p.day ORDER BY p.at, p."id") AS rank FROM posts p
    )
    SELECT kind, key, array_agg("id"::text ORDER BY rank) FILTER (WHERE rank <= $4::int) AS ids,
           kind <> 3 AND bool_or("source" <> newest_source) AS "multipleOutlets"
    FROM ranked GROUP BY kind, hashtext(key), key
    UNION ALL
    SELECT 0, to_char(day, 'YYYY-MM-DD'), array_agg("id"::text ORDER BY rank) FILTER (WHERE rank <= $5::int), false
    FROM days GROUP BY day`;
const src = readFileSync("../src/pulse/ward-pulse.ts", "utf8");
let q = src.slice(src.indexOf("WITH posts AS MATERIALIZED"), src.indexOf("FROM days GROUP BY day") + "FROM days GROUP BY day".length);
let n = 0; q = q.replace(/\$\{[^}]+\}/g, () => `$${++n}`);
const variants: Record<string, string> = { current: q.replace(/ COLLATE "C"/g, ""), hashed: q2 };
const times: Record<string, number[]> = {};
for (let r = 0; r < 40; r++) for (const [name, text] of Object.entries(variants)) {
  const s = performance.now(); await c.query(text, [wards[(r * 13) % wards.length], "2025-03-01", "2025-05-29", 10, 5]); (times[name] ??= []).push(performance.now() - s);
}
for (const [name, t] of Object.entries(times)) { t.sort((a, b) => a - b); console.log(name.padEnd(12), "p50", t[20]!.toFixed(1), "p90", t[36]!.toFixed(1)); }
const r = await c.query("EXPLAIN (ANALYZE) " + q2, [wards[5], "2025-03-01", "2025-05-29", 10, 5]);
console.log(r.rows.map((x: any) => x["QUERY PLAN"]).filter((l: string) => /Sort  |WindowAgg|GroupAgg|Append|Execution/.test(l)).join("\n"));
await c.end();
