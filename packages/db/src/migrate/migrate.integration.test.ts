import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing";
import type { TestDatabase } from "../testing";
import {
  applyMigrations,
  checkDrift,
  createMigration,
  migrationStatus,
  resolveMigration,
} from "./index";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./project-paths";

const INIT = "20261121000000_init";
/** Every migration in the repository, oldest first (more are added over time). */
const REPO_MIGRATIONS = (await readdir(DEFAULT_MIGRATIONS_DIR))
  .filter((name) => /^\d{14}_/.test(name))
  .sort();

let workDir: string;
let migrationsDir: string;
let schemaPath: string;
const databases: TestDatabase[] = [];

async function emptyDatabase(): Promise<string> {
  const database = await createTestDatabase({ migrated: false, max: 1 });
  databases.push(database);
  return database.url;
}

/** schema.prisma with one more column on WorkerHeartbeat, as a developer would edit it. */
async function writeDriftedSchema(): Promise<void> {
  const schema = await readFile(DEFAULT_SCHEMA_PATH, "utf8");
  const drifted = schema.replace(
    "  workerId  String   @id\n",
    "  workerId  String   @id\n  note      String?\n",
  );
  expect(drifted).not.toBe(schema);
  await writeFile(schemaPath, drifted);
}

async function columnExists(url: string, table: string, column: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2",
      [table, column],
    );
    return rows.length === 1;
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "sunuwai-migrate-test-"));
  migrationsDir = path.join(workDir, "migrations");
  schemaPath = path.join(workDir, "schema.prisma");
  await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  await cp(DEFAULT_SCHEMA_PATH, schemaPath);
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe("deploy and status", () => {
  it("reports the migration pending on an empty database, applies it once, then reports clean", async () => {
    const url = await emptyDatabase();
    const before = await migrationStatus(url);
    expect(before).toMatchObject({
      local: REPO_MIGRATIONS,
      applied: [],
      pending: REPO_MIGRATIONS,
      clean: false,
    });

    expect(await applyMigrations(url)).toEqual({ applied: REPO_MIGRATIONS });
    expect(await migrationStatus(url)).toEqual({
      local: REPO_MIGRATIONS,
      applied: REPO_MIGRATIONS,
      pending: [],
      edited: [],
      failed: [],
      missingLocally: [],
      clean: true,
    });
    expect(await applyMigrations(url)).toEqual({ applied: [] });
  });

  it("reports a migration edited after it was applied", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, { migrationsDir });
    await appendFile(path.join(migrationsDir, INIT, "migration.sql"), "\n-- edited afterwards\n");
    const status = await migrationStatus(url, { migrationsDir });
    expect(status).toMatchObject({ edited: [INIT], pending: [], clean: false });
  });

  it("names the failing migration and the SQL error, records it as failed, and can resolve it", async () => {
    const url = await emptyDatabase();
    const broken = "20990101000000_broken";
    await mkdir(path.join(migrationsDir, broken));
    await writeFile(
      path.join(migrationsDir, broken, "migration.sql"),
      'ALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n',
    );

    const failure = applyMigrations(url, { migrationsDir });
    await expect(failure).rejects.toThrow(broken);
    await expect(failure).rejects.toThrow('relation "Nope" does not exist');
    expect(await migrationStatus(url, { migrationsDir })).toMatchObject({
      applied: REPO_MIGRATIONS,
      failed: [broken],
      clean: false,
    });
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(broken);

    await resolveMigration(url, broken, "rolled-back", { migrationsDir });
    expect(await migrationStatus(url, { migrationsDir })).toMatchObject({
      failed: [],
      pending: [broken],
    });
  });
});

describe("check", () => {
  it("passes when schema.prisma and the migrations agree", async () => {
    expect(await checkDrift(await emptyDatabase())).toEqual({ inSync: true, sql: "" });
  });

  it("fails with the missing SQL when schema.prisma has changes no migration makes", async () => {
    await writeDriftedSchema();
    const drift = await checkDrift(await emptyDatabase(), { schemaPath, migrationsDir });
    expect(drift.inSync).toBe(false);
    expect(drift.sql).toMatch(/ALTER TABLE "WorkerHeartbeat" ADD COLUMN\s+"note" TEXT;/);
  });
});

describe("create", () => {
  it("writes a migration for schema changes that, applied, makes check pass", async () => {
    await writeDriftedSchema();
    const url = await emptyDatabase();
    const repoMigrationsBefore = await readdir(DEFAULT_MIGRATIONS_DIR);

    const created = await createMigration(url, "Add heartbeat note", {
      schemaPath,
      migrationsDir,
      now: new Date("2030-05-06T07:08:09Z"),
    });
    expect(created).toMatchObject({ created: true, name: "20300506070809_add_heartbeat_note" });
    const sql = await readFile(
      path.join(migrationsDir, "20300506070809_add_heartbeat_note", "migration.sql"),
      "utf8",
    );
    expect(sql).toMatch(/ALTER TABLE "WorkerHeartbeat" ADD COLUMN\s+"note" TEXT;/);

    expect(await checkDrift(url, { schemaPath, migrationsDir })).toEqual({ inSync: true, sql: "" });
    expect(await applyMigrations(url, { schemaPath, migrationsDir })).toEqual({
      applied: [...REPO_MIGRATIONS, "20300506070809_add_heartbeat_note"],
    });
    expect(await columnExists(url, "WorkerHeartbeat", "note")).toBe(true);
    expect(await readdir(DEFAULT_MIGRATIONS_DIR)).toEqual(repoMigrationsBefore);
  });

  it("writes nothing when there is no change", async () => {
    const created = await createMigration(await emptyDatabase(), "nothing", {
      schemaPath,
      migrationsDir,
    });
    expect(created).toEqual({ created: false });
    expect(await readdir(migrationsDir)).toEqual([...REPO_MIGRATIONS, "migration_lock.toml"]);
  });

  it("always sorts a new migration after the existing ones, even with a clock behind them", async () => {
    await writeDriftedSchema();
    const created = await createMigration(await emptyDatabase(), "note", {
      schemaPath,
      migrationsDir,
      now: new Date("2020-01-01T00:00:00Z"),
    });
    // One second after the newest migration in the repository.
    const newest = (REPO_MIGRATIONS.at(-1) ?? "").slice(0, 14);
    const stamp = newest.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, "$1-$2-$3T$4:$5:$6Z");
    const next = new Date(Date.parse(stamp) + 1000).toISOString().replace(/\D/g, "").slice(0, 14);
    expect(created).toMatchObject({ name: `${next}_note` });
    expect(existsSync(path.join(migrationsDir, `${next}_note`, "migration.sql"))).toBe(true);
  });
});
