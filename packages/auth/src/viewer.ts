import type { Db } from "@sunuwai/db";
import type { UserViewer } from "@sunuwai/validators";

// Any 8-4-4-4-12 hex id; a malformed id would otherwise reach PostgreSQL as a uuid cast error.
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in user as the database says now: null when the user is gone or disabled. */
export async function loadViewer(db: Db, userId: string): Promise<UserViewer | null> {
  if (!UUID_SHAPE.test(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      jurisdictions: { select: { wardId: true }, orderBy: { wardId: "asc" } },
    },
  });
  if (!user || user.disabledAt) return null;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    wardIds: user.jurisdictions.map((jurisdiction) => jurisdiction.wardId),
  };
}
