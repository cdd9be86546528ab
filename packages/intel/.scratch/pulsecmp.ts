import { readFileSync } from "node:fs";
import pg from "pg";
const c = new pg.Client({ connectionString: readFileSync("/tmp/intel-pulse-url", "utf8") }); await c.connect();
const wards = (await c.query(`SELECT id FROM "Ward"`)).rows.map((r) => r.id);
const src = readFileSync("../src/pulse/ward-pulse.ts", "utf8");
let q = src.slice(src.indexOf("WITH posts AS MATERIALIZED"), src.indexOf("FROM days GROUP BY day") + "FROM days GROUP BY day".length);
let n = 0; q = q.replace(/\$\{[^}]+\}/g, () => `$${++n}`);
const variants: Record<string, string> = {
  collateC: q,
  plain: q.replace(/ COLLATE "C"/g, ""),
  onlyPosts: `SELECT count(*) FROM (${q.slice(0, q.indexOf("keyed AS")).replace(/,\s*$/, "")} SELECT * FROM posts) x`,
};
variants.onlyPosts = q.slice(0, q.indexOf("    keyed AS")).trimEnd().replace(/,$/, "") + " SELECT count(*)::int, $4::int + $5::int FROM posts";
const times: Record<string, number[]> = {};
for (let r = 0; r < 40; r++) for (const [name, text] of Object.entries(variants)) {
  const s = performance.now(); await c.query(text, [wards[(r * 13) % wards.length], "2025-03-01", "2025-05-29", 10, 5]); (times[name] ??= []).push(performance.now() - s);
}
for (const [name, t] of Object.entries(times)) { t.sort((a, b) => a - b); console.log(name.padEnd(10), "p50", t[20]!.toFixed(1), "p90", t[36]!.toFixed(1)); }
await c.end();
