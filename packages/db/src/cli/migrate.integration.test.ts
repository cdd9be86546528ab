import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing";
import type { TestDatabase } from "../testing";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const tsx = path.join(packageDir, "node_modules", ".bin", "tsx");

let testDb: TestDatabase;

/** Runs `tsx src/cli/migrate.ts …args` against the test database, as `pnpm db:migrate` would. */
function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["src/cli/migrate.ts", ...args],
      { cwd: packageDir, env: { ...process.env, DATABASE_URL: testDb.url }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase({ max: 1 });
});

afterAll(async () => {
  await testDb?.drop();
});

describe("pnpm db:migrate status", () => {
  it("exits 0 on an up-to-date database and 1, naming the migration, when one is pending", async () => {
    const clean = await runCli("status");
    expect(clean.stdout).toContain("The database is up to date.");
    expect(clean.code).toBe(0);

    await testDb.db.$executeRawUnsafe("DELETE FROM _prisma_migrations");
    const pending = await runCli("status");
    expect(pending.stdout).toMatch(/Not yet applied:\n\s+20261121000000_init/);
    expect(pending.code).toBe(1);
  });

  it("exits 1 with the usage on an unknown command", async () => {
    const result = await runCli("migrate-everything");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown command "migrate-everything"');
    expect(result.stderr).toContain("Usage: pnpm db:migrate");
  });
});
