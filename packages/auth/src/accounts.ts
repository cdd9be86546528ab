import type { Db, Prisma } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators";
import type { UserSummary } from "@sunuwai/validators";

const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  _count: { select: { jurisdictions: true } },
} satisfies Prisma.UserSelect;

type UserSummaryRow = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>;

function toSummary({ _count, ...user }: UserSummaryRow): UserSummary {
  return { ...user, wardCount: _count.jurisdictions };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.user.findMany({
    select: userSummarySelect,
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
  return users.map(toSummary);
}

/** Disables or re-enables an account; a disabled user's open sessions stop working on their next request. */
export async function setUserDisabled(
  db: Db,
  input: { actorId: string; userId: string; disabled: boolean },
  now: Date = new Date(),
): Promise<UserSummary> {
  if (input.disabled && input.actorId === input.userId) {
    throw new AppError("CONFLICT", "You cannot disable your own account.");
  }
  await db.user.updateMany({
    // Disabling an already disabled account keeps the original time.
    where: input.disabled ? { id: input.userId, disabledAt: null } : { id: input.userId },
    data: { disabledAt: input.disabled ? now : null },
  });
  const user = await db.user.findUnique({ where: { id: input.userId }, select: userSummarySelect });
  if (!user) throw new AppError("NOT_FOUND", "No user with that id.");
  return toSummary(user);
}
