import { readFileSync } from "node:fs";
import pg from "pg";
const c = new pg.Client({ connectionString: readFileSync("/tmp/intel-pulse-url", "utf8") }); await c.connect();
const ward = (await c.query(`SELECT id FROM "Ward" WHERE code = 'BENCH-018'`)).rows[0].id;
const src = readFileSync("../src/pulse/ward-pulse.ts", "utf8");
let q = src.slice(src.indexOf("WITH posts AS MATERIALIZED"), src.indexOf("FROM days GROUP BY day") + "FROM days GROUP BY day".length);
let n = 0; q = q.replace(/\$\{[^}]+\}/g, () => `$${++n}`);
const params = [ward, "2025-03-01", "2025-05-29", 10, 5];
for (let i = 0; i < 3; i++) { const s = performance.now(); await c.query(q, params); console.log("ms", (performance.now() - s).toFixed(1)); }
const r = await c.query("EXPLAIN (ANALYZE, BUFFERS) " + q, params);
console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
await c.end();
