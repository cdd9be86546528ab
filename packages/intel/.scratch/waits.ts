import { readFileSync } from "node:fs";
import pg from "pg";
const c = new pg.Client({ connectionString: readFileSync("/tmp/intel-scratch-url", "utf8") }); await c.connect();
const counts = new Map<string, number>();
const end = Date.now() + Number(process.argv[2] ?? 30) * 1000;
while (Date.now() < end) {
  const r = await c.query(`SELECT application_name, state, coalesce(wait_event_type,'') || ':' || coalesce(wait_event,'') AS w FROM pg_stat_activity WHERE application_name LIKE 'sunuwai-intel-ingest%'`);
  for (const row of r.rows) { const k = `${row.application_name} ${row.state} ${row.w}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
  await new Promise((r) => setTimeout(r, 20));
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v}\t${k}`).join("\n"));
await c.end();
