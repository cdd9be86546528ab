import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";

export interface WardRef {
  id: string;
  code: string;
  name: string;
  localName: string | null;
  country: string;
}

/** A ward by its public code (case-insensitive), or NOT_FOUND. */
export async function findWardByCode(db: Db, code: string): Promise<WardRef> {
  const ward = await db.ward.findFirst({
    where: { code: { equals: code.trim(), mode: "insensitive" } },
    select: { id: true, code: true, name: true, localName: true, country: true },
  });
  if (!ward) throw new AppError("NOT_FOUND", `No ward with code ${code}.`);
  return ward;
}
