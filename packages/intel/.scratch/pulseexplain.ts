import { readFileSync } from "node:fs";
import pg from "pg";
const c = new pg.Client({ connectionString: readFileSync("/tmp/intel-pulse-url", "utf8") }); await c.connect();
const ward = (await c.query(`SELECT id FROM "Ward" WHERE code = 'BENCH-017'`)).rows[0].id;
const days = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10));
const specs = [...["roads","water","electricity","sanitation","health","education","corruption","traffic"].map((k) => ({ kind: "topic", key: k })), ...["Nepali Congress","CPN-UML","RSP","RPP","BJP","INC","BRS","AIMIM","TDP","AAP","CPN (Maoist Centre)"].map((k) => ({ kind: "party", key: k })), ...["Kantipur","Republica","Nagarik","Setopati","The Hindu","Eenadu","Sakshi","Telangana Today"].map((k) => ({ kind: "source", key: k }))];
const dayQ = `EXPLAIN (ANALYZE, BUFFERS) SELECT to_char(d.day, 'YYYY-MM-DD') AS day, array(
      SELECT p."id"::text FROM "Post" p
      WHERE p."wardId" = $1::uuid AND NOT p."isDuplicate"
        AND p."publishedAt" >= d.day::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
      ORDER BY p."publishedAt", p."id" LIMIT 5
    ) AS ids
    FROM (SELECT value::date AS day FROM jsonb_array_elements_text($2::jsonb)) AS d`;
const figQ = `EXPLAIN (ANALYZE, BUFFERS) WITH period AS (
      SELECT $2::date::timestamp AT TIME ZONE 'UTC' AS start, ($3::date + 1)::timestamp AT TIME ZONE 'UTC' AS stop
    ),
    figures AS (
      SELECT f.kind, f.key, sample.ids, sample.first_source
      FROM jsonb_to_recordset($4::jsonb) AS f(kind text, key text), period
      CROSS JOIN LATERAL (
        SELECT array_agg(s.id ORDER BY s.at DESC, s.id) AS ids, (array_agg(s.source ORDER BY s.at DESC, s.id))[1] AS first_source
        FROM (
          SELECT p."id"::text AS id, p."source" AS source, p."publishedAt" AS at FROM "Post" p
          WHERE p."wardId" = $1::uuid AND NOT p."isDuplicate"
            AND p."publishedAt" >= period.start AND p."publishedAt" < period.stop
            AND CASE f.kind WHEN 'topic' THEN p."topics" @> ARRAY[f.key] WHEN 'party' THEN p."party" = f.key ELSE p."source" = f.key END
          ORDER BY p."publishedAt" DESC, p."id" LIMIT 10
        ) AS s
      ) AS sample
    )
    SELECT f.kind, f.key, coalesce(f.ids, '{}') AS ids,
      EXISTS (
        SELECT 1 FROM "Post" p, period
        WHERE p."wardId" = $1::uuid AND NOT p."isDuplicate"
          AND p."publishedAt" >= period.start AND p."publishedAt" < period.stop AND p."source" <> f.first_source
          AND CASE f.kind WHEN 'topic' THEN p."topics" @> ARRAY[f.key] WHEN 'party' THEN p."party" = f.key ELSE false END
      ) AS "multipleOutlets"
    FROM figures f`;
for (const [name, q, params] of [["day", dayQ, [ward, JSON.stringify(days)]], ["figures", figQ, [ward, "2025-03-01", "2025-05-29", JSON.stringify(specs)]]] as const) {
  const r = await c.query(q, params as any);
  console.log("=== " + name); console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
}
await c.end();
