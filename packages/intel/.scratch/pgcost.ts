// pg backend CPU per row: baseline table vs Epaper (FKs) vs Post (FKs)
import { readFileSync } from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
const url = readFileSync("/tmp/intel-scratch-url", "utf8");
const c = new pg.Client({ connectionString: url }); await c.connect();
const pid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p;
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; }; // ms
const N = Number(process.argv[2] ?? 20000);
const lines = readFileSync("/tmp/intel-scratch-100000.jsonl", "utf8").split("\n").filter(Boolean).slice(0, N).map((l) => JSON.parse(l));
const esc = (v: any) => v == null ? "\\N" : String(v).replace(/[\\\t\n\r]/g, (ch) => ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r");
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const v7 = () => { const b = Buffer.from(randomUUID().replace(/-/g, ""), "hex"); b.writeUIntBE(Date.now(), 0, 6); b[6] = (b[6]! & 0x0f) | 0x70; const h = b.toString("hex"); return `${h.slice(0,8)}-${h.slice(8,12)}-${h.slice(12,16)}-${h.slice(16,20)}-${h.slice(20)}`; };
await c.query(`TRUNCATE "Epaper","Post","WardPulseDaily","IngestRun","Alert" CASCADE`);
const run = (await c.query(`INSERT INTO "IngestRun" (id, file) VALUES (gen_random_uuid(), 'x') RETURNING id`)).rows[0].id;
const ward = (await c.query(`SELECT id FROM "Ward" LIMIT 1`)).rows[0].id;
async function copy(sql: string, rows: string[]) {
  const s = c.query(copyFrom(sql)); const done = new Promise((r, j) => { s.on("finish", r); s.on("error", j); });
  let chunk = ""; for (const r of rows) { chunk += r; if (chunk.length > 256e3) { if (!s.write(chunk)) await new Promise((r) => s.once("drain", r)); chunk = ""; } } s.end(chunk); await done;
}
for (const idMode of ["v4", "v7"]) {
  const gen = idMode === "v4" ? randomUUID : v7;
  await c.query(`TRUNCATE "Epaper","Post" CASCADE`); await c.query(`DROP TABLE IF EXISTS base; CREATE TABLE base (LIKE "Epaper" INCLUDING ALL)`); await c.query("CHECKPOINT");
  const ids = lines.map(() => gen()); const pids = lines.map(() => gen());
  const ep = lines.map((a, i) => [ids[i], sha(JSON.stringify(a) + i), a.publication_name, a.publication_date, a.title, a.body, null, a.city, null, a.language, null, sha(a.title), null, run].map(esc).join("\t") + "\n");
  const po = lines.map((a, i) => [pids[i], a.title + "\n\n" + a.body.slice(0, 280), a.publication_name, a.city, null, 0.1, "lexicon:v1", "{roads,water}", "f", a.publication_date + " 00:00:00+00", new Date().toISOString(), i % 3 === 0 ? ward : null, ids[i]].map(esc).join("\t") + "\n");
  const cols = `("id","sha256","publicationName","publicationDate","title","body","url","city","party","language","wardHint","titleHash","duplicateOfId","ingestRunId")`;
  for (const [name, sql, rows] of [
    ["baseline (no FK)", `COPY base ${cols} FROM STDIN`, ep.map((r) => r.replace(/\t[^\t]*\n$/, "\t\\N\n"))],
    ["Epaper (FK run)", `COPY "Epaper" ${cols} FROM STDIN`, ep],
    ["Post (FK epaper, ward)", `COPY "Post" ("id","text","source","city","party","sentiment","analysedBy","topics","isDuplicate","publishedAt","updatedAt","wardId","epaperId") FROM STDIN`, po],
  ] as const) {
    await c.query("BEGIN");
    const t0 = cpu(); const w0 = performance.now();
    for (let i = 0; i < rows.length; i += 5000) await copy(sql, rows.slice(i, i + 5000) as string[]);
    await c.query("COMMIT");
    const t1 = cpu();
    console.log(idMode, name.padEnd(24), ((t1 - t0) * 1000 / N).toFixed(1), "µs cpu/row", ((performance.now() - w0) * 1000 / N).toFixed(1), "µs wall/row");
  }
}
await c.end();
