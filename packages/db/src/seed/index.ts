import type { Db } from "../client";
import { dataDir } from "../paths";
import { hashApiToken, hashPassword } from "../password";
import {
  SEED_CHATBOT_TOKEN_FILE,
  SEED_PASSWORD_FILE,
  generateChatbotToken,
  generatePassword,
  readSecretFile,
  writeSecretFile,
} from "./secrets";
import { CHATBOT_TOKEN_NAME, CHATBOT_TOKEN_SCOPES, seedUsers } from "./users";
import { seedWards } from "./wards";

export { seedWards, toDevanagariDigits } from "./wards";
export type { SeedWard } from "./wards";
export { seedUsers, CHATBOT_TOKEN_NAME, CHATBOT_TOKEN_SCOPES } from "./users";
export type { SeedUser } from "./users";
export { readSeedSecrets } from "./secrets";

export interface SeedOptions {
  /** Password for users created now (SEED_PASSWORD). Unset: the saved one, else a new one is generated. */
  password?: string;
  /** The chatbot token's secret (SEED_CHATBOT_TOKEN). Unset: the saved one, else a new one is generated. */
  chatbotToken?: string;
  /** Where generated secrets are saved (mode 0600). Default: DATA_DIR. */
  secretsDir?: string;
  log?: (message: string) => void;
}

export interface SeedResult {
  wards: { created: number; updated: number; unchanged: number };
  users: { created: string[]; existing: string[] };
  chatbotToken: "created" | "existing";
  /** Secrets this run generated (and saved under `secretsDir`): show them to the person running the seed. */
  generated: { password?: string; chatbotToken?: string };
}

/** Thrown when the database cannot be seeded as it is; the message says what to do. */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

const REQUIRED_TABLES = ["Ward", "User", "OfficerWard", "ApiToken"];

async function assertMigrated(db: Db): Promise<void> {
  const rows = await db.$queryRaw<{ missing: string[] }[]>`
    SELECT coalesce(array_agg(t), '{}') AS missing
    FROM unnest(${REQUIRED_TABLES}::text[]) AS t
    WHERE to_regclass(format('%I', t)) IS NULL`;
  const missing = rows[0]?.missing ?? [];
  if (missing.length > 0) {
    throw new SeedError(
      `The database has no ${missing.join(", ")} table yet: run pnpm db:migrate first.`,
    );
  }
}

/** One statement for all wards: inserts new codes, updates rows whose data differs from the seed file. */
async function upsertWards(db: Db): Promise<SeedResult["wards"]> {
  const rows = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Ward" ("id", "code", "number", "name", "localName", "localLang", "municipality", "district",
                        "province", "country", "aliases", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), r.code, r.number, r.name, r."localName", r."localLang", r.municipality, r.district,
           r.province, r.country, r.aliases, now(), now()
    FROM json_to_recordset(${JSON.stringify(seedWards)}::json) AS r(
      code text, number int, name text, "localName" text, "localLang" text, municipality text, district text,
      province text, country text, aliases text[])
    ON CONFLICT ("code") DO UPDATE SET
      "number" = excluded."number", "name" = excluded."name", "localName" = excluded."localName",
      "localLang" = excluded."localLang", "municipality" = excluded."municipality", "district" = excluded."district",
      "province" = excluded."province", "country" = excluded."country", "aliases" = excluded."aliases",
      "updatedAt" = now()
    WHERE ("Ward"."number", "Ward"."name", "Ward"."localName", "Ward"."localLang", "Ward"."municipality",
           "Ward"."district", "Ward"."province", "Ward"."country", "Ward"."aliases")
          IS DISTINCT FROM
          (excluded."number", excluded."name", excluded."localName", excluded."localLang", excluded."municipality",
           excluded."district", excluded."province", excluded."country", excluded."aliases")
    RETURNING (xmax = 0) AS inserted`;
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: seedWards.length - rows.length };
}

/** Resolves a secret: given value, else the saved one, else a new one that is saved now. */
function resolveSecret(
  given: string | undefined,
  dir: string,
  file: string,
  generate: () => string,
) {
  const value = given ?? readSecretFile(dir, file);
  if (value) return { value, generated: false };
  const fresh = generate();
  writeSecretFile(dir, file, fresh);
  return { value: fresh, generated: true };
}

/** Creates the missing seed users with their jurisdictions; existing users (and their passwords) are left alone. */
async function createMissingUsers(
  db: Db,
  options: SeedOptions,
  secretsDir: string,
  result: SeedResult,
) {
  const existing = await db.user.findMany({
    where: { email: { in: seedUsers.map((u) => u.email) } },
    select: { email: true },
  });
  const existingEmails = new Set(existing.map((u) => u.email));
  const missing = seedUsers.filter((u) => !existingEmails.has(u.email));
  result.users.existing = seedUsers.filter((u) => existingEmails.has(u.email)).map((u) => u.email);
  if (missing.length === 0) return;

  const password = resolveSecret(
    options.password,
    secretsDir,
    SEED_PASSWORD_FILE,
    generatePassword,
  );
  if (password.generated) result.generated.password = password.value;
  // One hash per user: each gets its own salt even though the dev password is shared.
  const rows = await Promise.all(
    missing.map(async (u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash: await hashPassword(password.value),
    })),
  );

  await db.$transaction(async (tx) => {
    const created = await tx.user.createManyAndReturn({
      data: rows,
      skipDuplicates: true,
      select: { id: true, email: true },
    });
    const wards = await tx.ward.findMany({
      where: { code: { in: missing.flatMap((u) => u.wardCodes) } },
      select: { id: true, code: true },
    });
    const wardId = new Map(wards.map((w) => [w.code, w.id]));
    const byEmail = new Map(seedUsers.map((u) => [u.email, u]));
    await tx.officerWard.createMany({
      data: created.flatMap((user) =>
        (byEmail.get(user.email)?.wardCodes ?? []).flatMap((code) => {
          const id = wardId.get(code);
          return id ? [{ userId: user.id, wardId: id }] : [];
        }),
      ),
      skipDuplicates: true,
    });
    result.users.created = created.map((u) => u.email);
  });
}

/** Ensures a live "chatbot" token exists; a token given explicitly (or saved earlier) always ends up valid. */
async function ensureChatbotToken(
  db: Db,
  options: SeedOptions,
  secretsDir: string,
): Promise<{ status: SeedResult["chatbotToken"]; generated?: string }> {
  const given = options.chatbotToken ?? readSecretFile(secretsDir, SEED_CHATBOT_TOKEN_FILE);
  if (!given) {
    const live = await db.apiToken.findFirst({
      where: { name: CHATBOT_TOKEN_NAME, revokedAt: null },
      select: { id: true },
    });
    if (live) return { status: "existing" };
  }
  const token = given ?? generateChatbotToken();
  const tokenHash = hashApiToken(token);
  if (await db.apiToken.findUnique({ where: { tokenHash }, select: { id: true } }))
    return { status: "existing" };

  // Saved before the row exists, so a failure in between cannot leave a live token nobody can read back.
  if (!given) writeSecretFile(secretsDir, SEED_CHATBOT_TOKEN_FILE, token);
  const admin = await db.user.findUnique({
    where: { email: "admin@sunuwai.local" },
    select: { id: true },
  });
  await db.apiToken.create({
    data: {
      name: CHATBOT_TOKEN_NAME,
      tokenHash,
      prefix: token.slice(0, 8),
      scopes: CHATBOT_TOKEN_SCOPES,
      createdById: admin?.id ?? null,
    },
  });
  return given ? { status: "created" } : { status: "created", generated: token };
}

/**
 * Idempotent seed: wards (upserted from the data file), the five dev users with jurisdictions, and the chatbot
 * token. A second run creates nothing and changes no password.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const secretsDir = options.secretsDir ?? dataDir();
  await assertMigrated(db);

  const result: SeedResult = {
    wards: await upsertWards(db),
    users: { created: [], existing: [] },
    chatbotToken: "existing",
    generated: {},
  };
  const { wards } = result;
  log(`wards: ${wards.created} created, ${wards.updated} updated, ${wards.unchanged} unchanged`);

  await createMissingUsers(db, options, secretsDir, result);
  log(
    `users: ${result.users.created.length} created, ${result.users.existing.length} already there`,
  );

  const token = await ensureChatbotToken(db, options, secretsDir);
  result.chatbotToken = token.status;
  if (token.generated) result.generated.chatbotToken = token.generated;
  log(`chatbot API token: ${result.chatbotToken}`);
  return result;
}
