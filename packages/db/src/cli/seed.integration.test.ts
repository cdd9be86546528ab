import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { hashApiToken, verifyPassword } from "../password";
import { createTestDatabase } from "../testing";
import type { TestDatabase } from "../testing";

const packageDir = path.resolve(import.meta.dirname, "../..");
let url: string;
let db: Db;
let testDb: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ url, db } = testDb);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-seed-cli-"));
});

afterAll(async () => {
  await testDb.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `pnpm db:seed` as a maintainer runs it. */
const runSeed = (env: NodeJS.ProcessEnv) =>
  spawnSync(path.join(packageDir, "node_modules/.bin/tsx"), ["src/cli/seed.ts"], {
    cwd: packageDir,
    env: { ...process.env, DATA_DIR: dataDir, SEED_PASSWORD: "", SEED_CHATBOT_TOKEN: "", ...env },
    encoding: "utf8",
  });

describe("pnpm db:seed", () => {
  it("seeds DATABASE_URL with SEED_PASSWORD and SEED_CHATBOT_TOKEN", () => {
    const token = "snw_from-the-environment-0123456789";
    const run = runSeed({
      DATABASE_URL: url,
      SEED_PASSWORD: "from the environment",
      SEED_CHATBOT_TOKEN: token,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/wards: 36 created/);
    expect(run.stdout).not.toContain(token);
    return Promise.all([
      expect(db.apiToken.count({ where: { tokenHash: hashApiToken(token) } })).resolves.toBe(1),
      db.user
        .findUniqueOrThrow({ where: { email: "analyst@sunuwai.local" } })
        .then((u) =>
          expect(verifyPassword(u.passwordHash, "from the environment")).resolves.toBe(true),
        ),
    ]);
  });

  it("tells the maintainer to migrate first when the tables are missing", async () => {
    await db.$executeRaw`DROP TABLE "OfficerWard", "Ward" CASCADE`;
    const run = runSeed({ DATABASE_URL: url });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/run pnpm db:migrate first/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
