// scratch (to be deleted): createGrievance service time against the explore db
import { readFileSync } from "node:fs";
import { createDb } from "@sunuwai/db";
import { createGrievance } from "@sunuwai/helpdesk";
import { figures, describeFigures } from "./lib/measure";
await (await import("@sunuwai/db/migrate")).installJobQueue(readFileSync("/tmp/explore-url", "utf8"));
const db = createDb(readFileSync("/tmp/explore-url", "utf8"), { max: 4 });
const token = await db.apiToken.create({ data: { name: "scratch", tokenHash: (await import("node:crypto")).randomBytes(32).toString("hex"), prefix: "sk_s", scopes: [] }, select: { id: true } });
const ward = await db.ward.findFirstOrThrow({ where: { code: { startsWith: "KMC-" } }, select: { code: true } });
let n = Number(process.argv[2] ?? 0);
const one = () => { n += 1; return createGrievance(db, { apiTokenId: token.id }, {
  complainant: { fullName: "Sita Kumari", phone: `98${String(10_000_000 + n).padStart(8, "0")}`, email: "s@example.com", ward: ward.code },
  description: "Water supply cut for two weeks", language: "en", ward: ward.code }); };
for (let i = 0; i < 20; i++) await one();
const lat: number[] = [];
for (let i = 0; i < 200; i++) { const t = performance.now(); await one(); lat.push(performance.now() - t); }
console.log(describeFigures("createGrievance (service)", figures(lat)));
await db.$disconnect();
const db2 = createDb(readFileSync("/tmp/explore-url", "utf8"), { max: 4 });
await db2.$executeRaw`CREATE TABLE IF NOT EXISTS scratch_t (id serial primary key, v text)`;
const lat2: number[] = []; const lat3: number[] = [];
for (let i = 0; i < 100; i++) { const t = performance.now(); await db2.$transaction(async (tx) => { await tx.$executeRaw`INSERT INTO scratch_t (v) VALUES ('x')`; }); lat2.push(performance.now() - t); }
for (let i = 0; i < 100; i++) { const t = performance.now(); await db2.$transaction(async (tx) => { await tx.$executeRaw`SELECT 1`; }); lat3.push(performance.now() - t); }
console.log(describeFigures("tx INSERT+commit", figures(lat2)));
console.log(describeFigures("tx SELECT 1", figures(lat3)));
await db2.$disconnect();
