import type { Db, Prisma } from "@sunuwai/db";
import type { AlertList, AlertListInput, IntelAlert, IntelSavedAlert, SavedAlertCreate, SavedAlertUpdate } from "@sunuwai/validators";
import { alertListInputSchema } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { findWardByCode } from "../wards/find-ward";

const alertInclude = { ward: { select: { code: true } } } as const;
type AlertRow = Prisma.AlertGetPayload<{ include: typeof alertInclude }>;

function toAlertView(row: AlertRow): IntelAlert {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    reason: row.reason,
    wardId: row.wardId,
    wardCode: row.ward?.code ?? null,
    evidencePostIds: row.evidencePostIds,
    details: typeof row.details === "object" && row.details !== null && !Array.isArray(row.details) ? row.details : {},
    savedAlertId: row.savedAlertId,
    createdAt: row.createdAt,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedById: row.acknowledgedById,
  };
}

/** Alerts newest first, optionally for one ward, some kinds, or only unacknowledged; keyset-paginated. */
export async function listAlerts(db: Db, rawInput: AlertListInput): Promise<AlertList> {
  const input = alertListInputSchema.parse(rawInput);
  const ward = input.wardCode ? await findWardByCode(db, input.wardCode) : null;
  const rows = await db.alert.findMany({
    where: {
      ...(ward ? { wardId: ward.id } : {}),
      ...(input.kinds ? { kind: { in: input.kinds } } : {}),
      ...(input.unacknowledgedOnly ? { acknowledgedAt: null } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: alertInclude,
  });
  const items = rows.slice(0, input.limit).map(toAlertView);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Marks an alert seen by `userId`; acknowledging twice keeps the first acknowledgement. */
export async function acknowledgeAlert(db: Db, input: { alertId: string; userId: string }): Promise<IntelAlert> {
  await db.alert.updateMany({ where: { id: input.alertId, acknowledgedAt: null }, data: { acknowledgedAt: new Date(), acknowledgedById: input.userId } });
  const row = await db.alert.findUnique({ where: { id: input.alertId }, include: alertInclude });
  if (!row) throw new AppError("NOT_FOUND", "No such alert.");
  return toAlertView(row);
}

const savedInclude = { ward: { select: { code: true } } } as const;
type SavedRow = Prisma.SavedAlertGetPayload<{ include: typeof savedInclude }>;

function toSavedView(row: SavedRow): IntelSavedAlert {
  return {
    id: row.id,
    wardId: row.wardId,
    wardCode: row.ward.code,
    keywords: row.keywords,
    active: row.active,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function cleanKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const keyword of keywords) {
    const clean = keyword.normalize("NFC").replace(/\s+/gu, " ").trim();
    if (clean === "" || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    list.push(clean);
  }
  if (list.length === 0) throw new AppError("VALIDATION", "Give at least one keyword.");
  return list;
}

export async function createSavedAlert(db: Db, input: SavedAlertCreate & { userId: string }): Promise<IntelSavedAlert> {
  const ward = await findWardByCode(db, input.wardCode);
  const row = await db.savedAlert.create({
    data: { wardId: ward.id, keywords: cleanKeywords(input.keywords), createdById: input.userId },
    include: savedInclude,
  });
  return toSavedView(row);
}

export async function listSavedAlerts(db: Db, input: { wardCode?: string }): Promise<IntelSavedAlert[]> {
  const ward = input.wardCode ? await findWardByCode(db, input.wardCode) : null;
  const rows = await db.savedAlert.findMany({
    where: ward ? { wardId: ward.id } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: savedInclude,
  });
  return rows.map(toSavedView);
}

export async function updateSavedAlert(db: Db, input: SavedAlertUpdate): Promise<IntelSavedAlert> {
  const existing = await db.savedAlert.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!existing) throw new AppError("NOT_FOUND", "No such saved alert.");
  const row = await db.savedAlert.update({
    where: { id: input.id },
    data: {
      ...(input.keywords ? { keywords: cleanKeywords(input.keywords) } : {}),
      ...(input.active === undefined ? {} : { active: input.active }),
    },
    include: savedInclude,
  });
  return toSavedView(row);
}

/** Deletes a saved alert; alerts it raised stay, unlinked. */
export async function deleteSavedAlert(db: Db, input: { id: string }): Promise<void> {
  const deleted = await db.savedAlert.deleteMany({ where: { id: input.id } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such saved alert.");
}
