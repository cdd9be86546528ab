// The staff queue's first page (listQueue: scope + filters + count + page) over 100,000 grievances, as an officer
// with 16 wards, as a supervisor, and with a text search. Baseline: the plain `SELECT … ORDER BY "createdAt" DESC
// LIMIT 25` over the same table without scope, filters or count.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import { applyMigrations } from "@sunuwai/db/migrate";
import { seed } from "@sunuwai/db/seed";
import { listQueue, QUEUE_COUNT_CAP, visibleGrievanceSql } from "@sunuwai/helpdesk";
import type { StaffActor } from "@sunuwai/helpdesk";
import type { QueueFilters } from "@sunuwai/validators";
import { describeFigures, figures, ms } from "./lib/measure";

const GRIEVANCES = 100_000;
const ITERATIONS = 200;
const TARGET_P95_MS = 50;

/** 100,000 grievances over the 32 Kathmandu wards, spread over a year, a tenth of them sensitive, in SQL. */
async function generate(db: Db): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Complainant" ("id", "keyId", "nameCipher", "phoneCipher", "phoneBlindIndex", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'bench', '\\x00'::bytea, '\\x00'::bytea, encode(sha256(n::text::bytea), 'hex'), now(), now()
    FROM generate_series(1, 5000) AS n`;
  await db.$executeRaw`
    WITH wards AS (SELECT array_agg("id" ORDER BY "code") AS ids FROM "Ward" WHERE "code" LIKE 'KMC-%'),
    officers AS (SELECT array_agg("id" ORDER BY "email") AS ids FROM "User" WHERE "role" IN ('OFFICER', 'SUPERVISOR')),
    complainants AS (SELECT array_agg("id") AS ids FROM "Complainant")
    INSERT INTO "Grievance" ("id", "reference", "year", "sequence", "description", "summary", "language", "categories",
      "sensitive", "status", "priority", "classificationStatus", "escalationLevel", "slaDueAt", "createdAt", "updatedAt",
      "complainantId", "wardId", "assigneeId")
    SELECT gen_random_uuid(), 'GRV-2025-' || lpad(n::text, 6, '0'), 2025, n,
      (ARRAY['No drinking water in the tole for days', 'Potholes on the main road near the school',
             'Garbage not collected in our street', 'Compensation for the road land not paid'])[1 + n % 4]
        || ' (case ' || n || ')',
      NULL, 'en',
      ARRAY[(ARRAY['Water Supply', 'Road/Infrastructure', 'Environmental', 'Land Acquisition & Compensation'])[1 + n % 4]],
      n % 10 = 0,
      (ARRAY['SUBMITTED', 'UNDER_EVALUATION', 'ESCALATED', 'RESOLVED', 'DENIED', 'CLOSED'])[1 + n % 6]::"GrievanceStatus",
      'NORMAL', 'FALLBACK_GENERATED', 1,
      now() - interval '365 days' + n * interval '5 minutes' + interval '2 days',
      now() - interval '365 days' + n * interval '5 minutes', now(),
      complainants.ids[1 + n % 5000], wards.ids[1 + n % 32], officers.ids[1 + n % cardinality(officers.ids)]
    FROM generate_series(1, ${GRIEVANCES}) AS n, wards, officers, complainants`;
  await db.$executeRaw`ANALYZE "Grievance"`;
}

async function measure(run: () => Promise<unknown>): Promise<ReturnType<typeof figures>> {
  for (let i = 0; i < 20; i += 1) await run();
  const latencies: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  return figures(latencies);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-bench-queue-"));
chmodSync(dir, 0o755);
const postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "sunuwai" });
const db = createDb(postgres.url, { max: 4 });
try {
  await applyMigrations(postgres.url);
  await seed(db, { secretsDir: dir });
  console.log(`generating ${GRIEVANCES.toLocaleString("en")} grievances …`);
  const started = performance.now();
  await generate(db);
  console.log(`generated in ${ms(performance.now() - started)}`);

  const officerRow = await db.user.findFirstOrThrow({
    where: { role: "OFFICER" },
    select: { id: true, jurisdictions: { select: { wardId: true } } },
    orderBy: { email: "asc" },
  });
  const supervisorRow = await db.user.findFirstOrThrow({
    where: { role: "SUPERVISOR" },
    select: { id: true },
  });
  const officer: StaffActor = {
    userId: officerRow.id,
    role: "OFFICER",
    wardIds: officerRow.jurisdictions.map((j) => j.wardId),
  };
  const supervisor: StaffActor = { userId: supervisorRow.id, role: "SUPERVISOR", wardIds: [] };
  const page =
    (actor: StaffActor, filters: QueueFilters = {}) =>
    () =>
      listQueue(db, actor, filters);

  const baseline = await measure(
    () => db.$queryRaw`
      SELECT "id", "reference", "status", "description", "createdAt" FROM "Grievance"
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 25`,
  );
  // Where the officer's time goes: the exact scoped count (what listQueue used to run), the capped count it runs
  // now, and the scoped page, each alone (raw SQL, same rule).
  const officerScope = visibleGrievanceSql(officer, "g");
  const diagnostics = {
    "  officer: exact scoped count": await measure(
      () => db.$queryRaw`SELECT count(*)::int FROM "Grievance" g WHERE ${officerScope}`,
    ),
    "  officer: capped scoped count": await measure(
      () => db.$queryRaw`
        SELECT count(*)::int FROM (SELECT 1 FROM "Grievance" g WHERE ${officerScope} LIMIT ${QUEUE_COUNT_CAP + 1}) m`,
    ),
    "  officer: scoped page only": await measure(
      () => db.$queryRaw`
        SELECT g."id", g."reference", g."status", g."description", g."createdAt" FROM "Grievance" g
        WHERE ${officerScope} ORDER BY g."createdAt" DESC, g."id" DESC LIMIT 25`,
    ),
  };
  const series = {
    [`officer, ${officer.wardIds.length} wards, first page`]: await measure(page(officer)),
    "officer, open statuses": await measure(
      page(officer, { status: ["SUBMITTED", "UNDER_EVALUATION", "ESCALATED", "DISPUTED"] }),
    ),
    "supervisor, first page": await measure(page(supervisor)),
    "supervisor, overdue": await measure(page(supervisor, { overdue: true, sort: "dueSoonest" })),
    'officer, text "compensation"': await measure(page(officer, { text: "compensation" })),
  };

  console.log("");
  console.log(describeFigures("plain SELECT … LIMIT 25", baseline));
  let worst = 0;
  for (const [name, f] of Object.entries(series)) {
    console.log(`${describeFigures(name, f)}  p95 ×${(f.p95 / baseline.p95).toFixed(1)} baseline`);
    worst = Math.max(worst, f.p95);
  }
  for (const [name, f] of Object.entries(diagnostics)) console.log(describeFigures(name, f));
  console.log(
    `load average during the run: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores)`,
  );
  console.log(
    `target p95 ≤ ${TARGET_P95_MS} ms: ${worst <= TARGET_P95_MS ? "met" : "NOT met"} (worst p95 ${ms(worst)})`,
  );
} finally {
  await db.$disconnect();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
