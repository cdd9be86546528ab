import { randomBytes } from "node:crypto";
import { hashApiToken } from "@sunuwai/db";
import type { Db, Prisma } from "@sunuwai/db";
import { AppError, apiTokenScopeSchema, createApiTokenInputSchema } from "@sunuwai/validators";
import type {
  ApiTokenScope,
  ApiTokenSummary,
  CreatedApiToken,
  TokenViewer,
} from "@sunuwai/validators";

const TOKEN_PREFIX = "snw_";
/** How many leading characters of a token are stored to recognise it in lists. */
export const API_TOKEN_PREFIX_LENGTH = 8;
// lastUsedAt is informational: one write a minute per token is enough and spares the database a write per call.
const LAST_USED_RESOLUTION_MS = 60_000;

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdById: true,
} satisfies Prisma.ApiTokenSelect;

type SummaryRow = Prisma.ApiTokenGetPayload<{ select: typeof summarySelect }>;

/** Scopes as stored are plain strings; anything this version does not know grants nothing. */
function knownScopes(scopes: readonly string[]): ApiTokenScope[] {
  return scopes.flatMap((scope) => {
    const parsed = apiTokenScopeSchema.safeParse(scope);
    return parsed.success ? [parsed.data] : [];
  });
}

function toSummary(row: SummaryRow): ApiTokenSummary {
  return { ...row, scopes: knownScopes(row.scopes) };
}

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Creates a token and returns its secret, which is shown once and stored only as a hash. */
export async function createApiToken(
  db: Db,
  input: {
    name: string;
    scopes: readonly ApiTokenScope[];
    createdById?: string | null;
    expiresAt?: Date | null;
  },
  now: Date = new Date(),
): Promise<CreatedApiToken> {
  const parsed = createApiTokenInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid token details.");
  }
  const { name, scopes, expiresAt } = parsed.data;
  if (expiresAt && expiresAt <= now)
    throw new AppError("VALIDATION", "The expiry date must be in the future.");

  const token = generateApiToken();
  const record = await db.apiToken.create({
    data: {
      name,
      scopes,
      expiresAt: expiresAt ?? null,
      createdById: input.createdById ?? null,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX_LENGTH),
    },
    select: summarySelect,
  });
  return { token, record: toSummary(record) };
}

export async function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    select: summarySelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toSummary);
}

/** Revokes a token at once; revoking a revoked token keeps the first revocation time. */
export async function revokeApiToken(
  db: Db,
  id: string,
  now: Date = new Date(),
): Promise<ApiTokenSummary> {
  await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.apiToken.findUnique({ where: { id }, select: summarySelect });
  if (!row) throw new AppError("NOT_FOUND", "No API token with that id.");
  return toSummary(row);
}

/** The token's viewer, or null when the token is unknown, revoked or expired. */
export async function viewerFromApiToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<TokenViewer | null> {
  if (token.length < 16 || token.length > 512) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;

  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // Conditional, so concurrent requests in the same minute write once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { kind: "token", tokenId: row.id, name: row.name, scopes: knownScopes(row.scopes) };
}
