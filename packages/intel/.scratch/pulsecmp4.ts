import { readFileSync } from "node:fs";
import pg from "pg";
const c = new pg.Client({ connectionString: readFileSync("/tmp/intel-pulse-url", "utf8") }); await c.connect();
const wards = (await c.query(`SELECT id FROM "Ward"`)).rows.map((r) => r.id);
const base = `FROM "Post" p WHERE p."wardId" = $1::uuid AND NOT p."isDuplicate" AND p."publishedAt" >= $2::date::timestamp AT TIME ZONE 'UTC' AND p."publishedAt" < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'`;
const variants: Record<string, string> = {
  count: `SELECT count(*) ${base}`,
  countTopics: `SELECT count(*), sum(cardinality(p.topics)), count(p.party), count(distinct p.source) ${base}`,
  jsonNoOrder: `SELECT json_agg(json_build_array(p."id", p."publishedAt", p."source", p."party", p."topics"))::text ${base}`,
  jsonOrdered: `SELECT json_agg(json_build_array(p."id", to_char(p."publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD'), p."source", p."party", p."topics") ORDER BY p."publishedAt", p."id")::text ${base}`,
  arrays: `SELECT array_agg(p.id ORDER BY p."publishedAt", p.id)::text, array_agg(p.source ORDER BY p."publishedAt", p.id)::text ${base}`,
};
const times: Record<string, number[]> = {};
for (let r = 0; r < 30; r++) for (const [name, text] of Object.entries(variants)) {
  const s = performance.now(); await c.query(text, [wards[(r * 13) % wards.length], "2025-03-01", "2025-05-29"]); (times[name] ??= []).push(performance.now() - s);
}
for (const [name, t] of Object.entries(times)) { t.sort((a, b) => a - b); console.log(name.padEnd(12), "p50", t[15]!.toFixed(1), "p90", t[27]!.toFixed(1)); }
await c.end();
