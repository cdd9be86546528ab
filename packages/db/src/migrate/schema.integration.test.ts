import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing";
import type { TestDatabase } from "../testing";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./project-paths";

const INIT_MIGRATION = "20261121000000_init";
const schemaText = readFileSync(DEFAULT_SCHEMA_PATH, "utf8");
const HEX64 = "a".repeat(64);

let testDb: TestDatabase;
let sql: pg.Client;

/** Runs `statement` and returns the PostgreSQL error it fails with. */
async function failure(statement: string, values: unknown[] = []): Promise<pg.DatabaseError> {
  try {
    await sql.query(statement, values);
  } catch (error) {
    if (error instanceof pg.DatabaseError) return error;
    throw error;
  }
  throw new Error(`expected the database to refuse: ${statement}`);
}

async function insertEpaper(sha256: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO "Epaper" (id, sha256, "publicationName", "publicationDate", title, body, "titleHash")
     VALUES (gen_random_uuid(), $1, 'Kantipur', '2026-01-01', 'Title', 'Body', $2) RETURNING id`,
    [sha256, HEX64],
  );
  return rows[0]?.id ?? "";
}

async function insertPost(epaperId: string | null): Promise<void> {
  await sql.query(
    `INSERT INTO "Post" (id, text, source, topics, "publishedAt", "updatedAt", "epaperId")
     VALUES (gen_random_uuid(), 'text', 'Kantipur', '{}', now(), now(), $1)`,
    [epaperId],
  );
}

async function insertGrievance(overrides: Record<string, unknown> = {}): Promise<string> {
  const { rows: complainants } = await sql.query<{ id: string }>(
    `INSERT INTO "Complainant" (id, "nameCipher", "keyId", "updatedAt") VALUES (gen_random_uuid(), '\\x00', 'k1', now()) RETURNING id`,
  );
  const values = {
    reference: "GRV-2026-000001",
    year: 2026,
    sequence: 1,
    language: "ne",
    escalationLevel: 1,
    ...overrides,
  };
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO "Grievance" (id, reference, year, sequence, description, language, "escalationLevel", "updatedAt", "complainantId")
     VALUES (gen_random_uuid(), $1, $2, $3, 'Road is broken', $4, $5, now(), $6) RETURNING id`,
    [
      values.reference,
      values.year,
      values.sequence,
      values.language,
      values.escalationLevel,
      complainants[0]?.id,
    ],
  );
  return rows[0]?.id ?? "";
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  sql = new pg.Client({ connectionString: testDb.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await testDb?.drop();
});

describe("the migrated database", () => {
  it("has a table for every model in schema.prisma, and no other", async () => {
    const models = [...schemaText.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]).sort();
    const { rows } = await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    expect(models.length).toBeGreaterThan(20);
    expect(rows.map((row) => row.table_name)).toEqual(models);
  });

  it("has a foreign key for every relation field, with the schema's delete rules", async () => {
    const relations = [...schemaText.matchAll(/@relation\([^)]*fields:/g)].length;
    const { rows } = await sql.query<{ conname: string; confdeltype: string }>(
      `SELECT conname, confdeltype FROM pg_constraint
        WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    expect(rows).toHaveLength(relations);
    const rule = (name: string) => rows.find((row) => row.conname === name)?.confdeltype;
    expect(rule("Grievance_complainantId_fkey")).toBe("r"); // RESTRICT: complainants outlive nothing they filed
    expect(rule("GrievanceEvent_grievanceId_fkey")).toBe("r");
    expect(rule("Post_epaperId_fkey")).toBe("n"); // SET NULL
    expect(rule("OfficerWard_wardId_fkey")).toBe("c"); // CASCADE
  });

  it("has the partial unique index on Post.epaperId and a unique Epaper.sha256", async () => {
    const { rows } = await sql.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ('Post_epaperId_key', 'Epaper_sha256_key')`,
    );
    const definition = (name: string) => rows.find((row) => row.indexname === name)?.indexdef;
    expect(definition("Post_epaperId_key")).toBe(
      'CREATE UNIQUE INDEX "Post_epaperId_key" ON public."Post" USING btree ("epaperId") WHERE ("epaperId" IS NOT NULL)',
    );
    expect(definition("Epaper_sha256_key")).toBe(
      'CREATE UNIQUE INDEX "Epaper_sha256_key" ON public."Epaper" USING btree (sha256)',
    );
  });

  it("has the append-only trigger on GrievanceEvent, pg_trgm, and graphile-worker's schema", async () => {
    const { rows: triggers } = await sql.query<{ tgname: string }>(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = '"GrievanceEvent"'::regclass AND NOT tgisinternal`,
    );
    expect(triggers.map((row) => row.tgname)).toEqual(["GrievanceEvent_append_only"]);
    const { rows: extensions } = await sql.query(
      "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'",
    );
    expect(extensions).toHaveLength(1);
    const { rows: similarity } = await sql.query<{ score: number }>(
      "SELECT similarity('road broken', 'road is broken') AS score",
    );
    expect(similarity[0]?.score).toBeGreaterThan(0.5);
    const { rows: worker } = await sql.query(
      "SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker'",
    );
    expect(worker).toHaveLength(1);
  });

  it("records the migrations in _prisma_migrations exactly as Prisma's migrate deploy does", async () => {
    const { rows } = await sql.query<Record<string, unknown>>(
      `SELECT * FROM _prisma_migrations ORDER BY migration_name`,
    );
    const names = readdirSync(DEFAULT_MIGRATIONS_DIR)
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect(names[0]).toBe(INIT_MIGRATION);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const [index, name] of names.entries()) {
      const file = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql"));
      expect(rows[index]).toMatchObject({
        migration_name: name,
        checksum: createHash("sha256").update(file).digest("hex"),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
    }
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(rows[0]?.started_at).toBeInstanceOf(Date);
    const { rows: columns } = await sql.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(
      columns.map((column) => [column.column_name, column.data_type, column.is_nullable]),
    ).toEqual([
      ["id", "character varying", "NO"],
      ["checksum", "character varying", "NO"],
      ["finished_at", "timestamp with time zone", "YES"],
      ["migration_name", "character varying", "NO"],
      ["logs", "text", "YES"],
      ["rolled_back_at", "timestamp with time zone", "YES"],
      ["started_at", "timestamp with time zone", "NO"],
      ["applied_steps_count", "integer", "NO"],
    ]);
  });
});

describe("constraints the database enforces", () => {
  it("allows one post per epaper but any number of posts without one", async () => {
    const epaperId = await insertEpaper("b".repeat(64));
    await insertPost(epaperId);
    const duplicate = await failure(
      `INSERT INTO "Post" (id, text, source, topics, "publishedAt", "updatedAt", "epaperId")
       VALUES (gen_random_uuid(), 'again', 'Kantipur', '{}', now(), now(), $1)`,
      [epaperId],
    );
    expect(duplicate.constraint).toBe("Post_epaperId_key");
    await insertPost(null);
    await insertPost(null);
    await insertPost(null);
    const { rows } = await sql.query(`SELECT 1 FROM "Post" WHERE "epaperId" IS NULL`);
    expect(rows).toHaveLength(3);
  });

  it("refuses a second epaper with the same sha256, through Prisma too", async () => {
    await insertEpaper("c".repeat(64));
    const duplicate = await failure(
      `INSERT INTO "Epaper" (id, sha256, "publicationName", "publicationDate", title, body, "titleHash")
       VALUES (gen_random_uuid(), $1, 'Other', '2026-01-02', 'Other', 'Other', $2)`,
      ["c".repeat(64), HEX64],
    );
    expect(duplicate.constraint).toBe("Epaper_sha256_key");
    await expect(
      testDb.db.epaper.create({
        data: {
          sha256: "c".repeat(64),
          publicationName: "Other",
          publicationDate: new Date("2026-01-02"),
          title: "Other",
          body: "Other",
          titleHash: HEX64,
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("never lets a GrievanceEvent be updated, deleted or truncated", async () => {
    const grievanceId = await insertGrievance({ reference: "GRV-2026-000042", sequence: 42 });
    const event = await testDb.db.grievanceEvent.create({
      data: { grievanceId, type: "CREATED", actorKind: "system", payload: { via: "test" } },
    });
    await expect(
      testDb.db.grievanceEvent.update({ where: { id: event.id }, data: { public: true } }),
    ).rejects.toThrow(/append-only/);
    expect((await failure(`DELETE FROM "GrievanceEvent" WHERE id = $1`, [event.id])).message).toBe(
      '"GrievanceEvent" is append-only: DELETE is not allowed',
    );
    expect((await failure(`TRUNCATE "GrievanceEvent" CASCADE`)).message).toMatch(
      /append-only: TRUNCATE/,
    );
    const stored = await testDb.db.grievanceEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored).toMatchObject({ public: false, payload: { via: "test" } });
  });

  it("refuses grievances with a malformed reference, language or escalation level", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ reference: "GRV-26-1" }, "Grievance_reference_check"],
      [{ reference: "GRV-2026-000002" }, "Grievance_reference_matches_check"],
      [{ reference: "GRV-2027-000000", sequence: 0 }, "Grievance_sequence_check"],
      [{ language: "fr" }, "Grievance_language_check"],
      [{ escalationLevel: 5 }, "Grievance_escalationLevel_check"],
      [{ escalationLevel: 0 }, "Grievance_escalationLevel_check"],
    ];
    for (const [overrides, constraint] of cases) {
      const error = await insertGrievance({
        reference: "GRV-2027-000001",
        year: 2027,
        ...overrides,
      }).then(
        () => undefined,
        (caught: unknown) => caught as pg.DatabaseError,
      );
      expect(error?.constraint, JSON.stringify(overrides)).toBe(constraint);
    }
  });

  it("refuses negative counts and malformed hashes", async () => {
    const ward = await sql.query<{ id: string }>(
      `INSERT INTO "Ward" (id, code, name, municipality, district, province, country, aliases, "updatedAt")
       VALUES (gen_random_uuid(), 'KMC-1', 'Ward 1', 'Kathmandu', 'Kathmandu', 'Bagmati', 'NP', '{}', now()) RETURNING id`,
    );
    const station = await sql.query<{ id: string }>(
      `INSERT INTO "PollingStation" (id, "psId", "acId", "updatedAt", "wardId") VALUES (gen_random_uuid(), '1', 'AC-1', now(), $1) RETURNING id`,
      [ward.rows[0]?.id],
    );
    const result = (votes: number, totalPolled: number, rejected: number) =>
      failure(
        `INSERT INTO "ElectionResult" (id, election, party, candidate, votes, "totalPolled", rejected, "pollingStationId")
         VALUES (gen_random_uuid(), 'GHMC-2020', 'P', 'C', $1, $2, $3, $4)`,
        [votes, totalPolled, rejected, station.rows[0]?.id],
      );
    expect((await result(-1, 10, 0)).constraint).toBe("ElectionResult_votes_check");
    expect((await result(1, -10, 0)).constraint).toBe("ElectionResult_totalPolled_check");
    expect((await result(1, 10, -1)).constraint).toBe("ElectionResult_rejected_check");

    const grievanceId = await insertGrievance({ reference: "GRV-2026-000077", sequence: 77 });
    const attachment = (sizeBytes: number, sha256: string) =>
      failure(
        `INSERT INTO "Attachment" (id, kind, "storageKey", "originalName", "mimeType", "sizeBytes", sha256, "grievanceId")
         VALUES (gen_random_uuid(), 'IMAGE', gen_random_uuid()::text, 'a.jpg', 'image/jpeg', $1, $2, $3)`,
        [sizeBytes, sha256, grievanceId],
      );
    expect((await attachment(-1, HEX64)).constraint).toBe("Attachment_sizeBytes_check");
    expect((await attachment(10, "not-a-hash")).constraint).toBe("Attachment_sha256_check");
    const epaperId = await insertEpaper("d".repeat(64));
    expect(
      (await failure(`UPDATE "Epaper" SET sha256 = 'ABC' WHERE id = $1`, [epaperId])).constraint,
    ).toBe("Epaper_sha256_check");
  });
});
