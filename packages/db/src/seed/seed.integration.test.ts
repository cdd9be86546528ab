import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { hashApiToken, verifyPassword } from "../password";
import { createTestDatabase } from "../testing";
import type { TestDatabase } from "../testing";
import { SeedError, readSeedSecrets, seed } from ".";

let db: Db;
let testDb: TestDatabase;
const secretsDirs: string[] = [];

const tempSecretsDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-seed-"));
  secretsDirs.push(dir);
  return dir;
};

const counts = async () => ({
  wards: await db.ward.count(),
  users: await db.user.count(),
  jurisdictions: await db.officerWard.count(),
  tokens: await db.apiToken.count(),
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ db } = testDb);
});

afterAll(async () => {
  await testDb.drop();
  for (const dir of secretsDirs) rmSync(dir, { recursive: true, force: true });
});

describe("seed", () => {
  const chatbotToken = "snw_integration-test-token-0123456789";
  let secretsDir: string;

  it("creates the wards, users, jurisdictions and chatbot token", async () => {
    secretsDir = tempSecretsDir();
    const result = await seed(db, { password: "correct horse battery", chatbotToken, secretsDir });
    expect(result.wards).toEqual({ created: 36, updated: 0, unchanged: 0 });
    expect(result.users.created).toHaveLength(5);
    expect(result.chatbotToken).toBe("created");
    expect(result.generated).toEqual({});
    expect(await counts()).toEqual({ wards: 36, users: 5, jurisdictions: 19 + 16, tokens: 1 });
  });

  it("is idempotent: a second run creates nothing and keeps every password hash", async () => {
    const before = await db.user.findMany({
      select: { email: true, passwordHash: true },
      orderBy: { email: "asc" },
    });
    const result = await seed(db, { password: "a different password", chatbotToken, secretsDir });
    expect(result.wards).toEqual({ created: 0, updated: 0, unchanged: 36 });
    expect(result.users.created).toEqual([]);
    expect(result.chatbotToken).toBe("existing");
    expect(await counts()).toEqual({ wards: 36, users: 5, jurisdictions: 35, tokens: 1 });
    expect(
      await db.user.findMany({
        select: { email: true, passwordHash: true },
        orderBy: { email: "asc" },
      }),
    ).toEqual(before);
    const officer = before.find((u) => u.email === "officer@sunuwai.local");
    expect(await verifyPassword(officer?.passwordHash ?? "", "correct horse battery")).toBe(true);
  });

  it("names Kathmandu wards in English and Nepali, with aliases for text matching", async () => {
    const ward = await db.ward.findUnique({ where: { code: "KMC-10" } });
    expect(ward).toMatchObject({
      name: "Kathmandu Ward 10",
      localName: "काठमाडौं वडा नं. १०",
      localLang: "ne",
      municipality: "Kathmandu Metropolitan City",
      district: "Kathmandu",
      province: "Bagmati",
      country: "NP",
    });
    expect(ward?.aliases).toEqual(
      expect.arrayContaining(["Kathmandu-10", "KMC ward 10", "काठमाडौं-१०", "वडा नं. १०"]),
    );
    const hyderabad = await db.ward.findUnique({ where: { code: "WARD_001" } });
    expect(hyderabad).toMatchObject({
      name: "Jubilee Hills",
      localName: "జూబ్లీ హిల్స్",
      localLang: "te",
      country: "IN",
    });
    expect(hyderabad?.aliases).toEqual(expect.arrayContaining(["jubileehills", "జూబ్లీహిల్స్"]));
    expect(
      await db.ward.findUnique({ where: { code: "WARD_012" }, select: { name: true } }),
    ).toEqual({ name: "Begumpet" });
  });

  it("gives the officers their jurisdictions", async () => {
    const wardsOf = async (email: string) =>
      (
        await db.officerWard.findMany({
          where: { user: { email } },
          select: { ward: { select: { code: true } } },
        })
      ).map((j) => j.ward.code);
    const officer = await wardsOf("officer@sunuwai.local");
    expect(officer).toHaveLength(19);
    expect(officer).toEqual(
      expect.arrayContaining(["KMC-01", "KMC-16", "WARD_001", "WARD_002", "WARD_003"]),
    );
    expect(officer).not.toContain("KMC-17");
    const officer2 = await wardsOf("officer2@sunuwai.local");
    expect(officer2.toSorted()).toEqual(Array.from({ length: 16 }, (_, i) => `KMC-${i + 17}`));
  });

  it("stores the chatbot token hashed, so the given secret authenticates with its scopes", async () => {
    const token = await db.apiToken.findUnique({
      where: { tokenHash: hashApiToken(chatbotToken) },
    });
    expect(token).toMatchObject({
      name: "chatbot",
      prefix: chatbotToken.slice(0, 8),
      scopes: ["grievance:write", "grievance:read", "file:write", "wards:read"],
      revokedAt: null,
    });
    expect(await db.apiToken.count({ where: { tokenHash: chatbotToken } })).toBe(0);
  });

  it("puts back a ward whose seeded data was changed", async () => {
    await db.ward.update({ where: { code: "KMC-05" }, data: { aliases: [] } });
    const result = await seed(db, { secretsDir });
    expect(result.wards).toEqual({ created: 0, updated: 1, unchanged: 35 });
    expect((await db.ward.findUnique({ where: { code: "KMC-05" } }))?.aliases).toContain(
      "Kathmandu-5",
    );
  });
});

/** A database of its own for a case that must start from zero or damages it. */
async function withFreshDatabase(run: (fresh: Db) => Promise<void>): Promise<void> {
  const fresh = await createTestDatabase();
  try {
    await run(fresh.db);
  } finally {
    await fresh.drop();
  }
}

describe("seed without SEED_PASSWORD / SEED_CHATBOT_TOKEN", () => {
  it("generates both once, saves them owner-only, and reuses them later", () =>
    withFreshDatabase(async (fresh) => {
      const secretsDir = tempSecretsDir();

      const first = await seed(fresh, { secretsDir });
      expect(first.generated.password).toMatch(/^[\w-]{16}$/);
      expect(first.generated.chatbotToken).toMatch(/^snw_[\w-]{43}$/);
      for (const file of ["seed-password", "seed-chatbot-token"]) {
        expect(statSync(path.join(secretsDir, file)).mode & 0o777).toBe(0o600);
      }
      expect(readSeedSecrets(secretsDir)).toEqual(first.generated);
      expect(readFileSync(path.join(secretsDir, "seed-password"), "utf8").trim()).toBe(
        first.generated.password,
      );

      const admin = await fresh.user.findUniqueOrThrow({ where: { email: "admin@sunuwai.local" } });
      expect(await verifyPassword(admin.passwordHash, first.generated.password ?? "")).toBe(true);
      const token = await fresh.apiToken.findUniqueOrThrow({
        where: { tokenHash: hashApiToken(first.generated.chatbotToken ?? "") },
      });
      expect(token.createdById).toBe(admin.id);

      const second = await seed(fresh, { secretsDir });
      expect(second.generated).toEqual({});
      expect(second.chatbotToken).toBe("existing");
      expect(await fresh.apiToken.count()).toBe(1);
    }));
});

describe("seed on an unmigrated database", () => {
  it("says to run the migrations first", () =>
    withFreshDatabase(async (fresh) => {
      await fresh.$executeRaw`DROP TABLE "ApiToken" CASCADE`;
      const attempt = seed(fresh, { secretsDir: tempSecretsDir() });
      await expect(attempt).rejects.toThrow(SeedError);
      await expect(attempt).rejects.toThrow(/ApiToken.*run pnpm db:migrate first/);
    }));
});
