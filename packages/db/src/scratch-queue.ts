import { readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { listQueue } from "../../helpdesk/src/index";
const url = readFileSync("/tmp/explore-url", "utf8");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
let on = false;
db.$on("query", (e) => { if (on) console.log(`${e.duration}ms  ${e.query.replace(/\s+/g, " ").slice(0, 300)}`); });
const o = await db.user.findFirstOrThrow({ where: { role: "OFFICER" }, select: { id: true, jurisdictions: { select: { wardId: true } } }, orderBy: { email: "asc" } });
const officer = { userId: o.id, role: "OFFICER" as const, wardIds: o.jurisdictions.map((j) => j.wardId) };
const sup = await db.user.findFirstOrThrow({ where: { role: "SUPERVISOR" }, select: { id: true } });
const supervisor = { userId: sup.id, role: "SUPERVISOR" as const, wardIds: [] };
for (const [a, f] of [[officer, {}], [officer, { status: ["SUBMITTED", "UNDER_EVALUATION", "ESCALATED", "DISPUTED"] }], [supervisor, {}], [supervisor, { overdue: true, sort: "dueSoonest" }], [officer, { text: "compensation" }], [officer, { text: "case 4242" }]] as const) {
  for (let i = 0; i < 5; i++) await listQueue(db as never, a, f as never);
  on = true; const t = performance.now(); const r = await listQueue(db as never, a, f as never); console.log("TOTAL", (performance.now() - t).toFixed(1), r.total, r.totalExact, r.items.length, JSON.stringify(r.items[0]).slice(0, 300)); on = false;
}
await db.$disconnect();
