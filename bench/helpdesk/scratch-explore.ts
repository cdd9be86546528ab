// scratch (to be deleted): a 100k data set kept running for EXPLAIN
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@sunuwai/db";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import { applyMigrations } from "@sunuwai/db/migrate";
import { seed } from "@sunuwai/db/seed";
const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-explore-"));
chmodSync(dir, 0o755);
const postgres = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "sunuwai" });
const db = createDb(postgres.url, { max: 2 });
await applyMigrations(postgres.url);
await seed(db, { secretsDir: dir });
const GRIEVANCES = 100000;
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
writeFileSync("/tmp/explore-url", postgres.url);
console.log("READY", postgres.url, dir);
process.on("SIGTERM", async () => { await db.$disconnect(); await postgres.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
