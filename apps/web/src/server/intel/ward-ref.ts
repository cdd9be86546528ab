import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators";

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface WardRef {
  id: string;
  code: string;
}

/**
 * The ward a REST path names, as LokDarpan's clients name it: its code (`KMC-10`, `WARD_001`), its id, or its
 * English or local-script name (`Jubilee Hills`, `జూబ్లీ హిల్స్`). A name two wards share is refused: use the code.
 */
export async function resolveWardRef(db: Db, given: string): Promise<WardRef> {
  const value = given.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (value === "") throw new AppError("VALIDATION", "Name a ward by its code or name.");
  const select = { id: true, code: true } as const;
  const byCode = await db.ward.findFirst({
    where: { code: { equals: value, mode: "insensitive" } },
    select,
  });
  if (byCode) return byCode;
  if (UUID_SHAPE.test(value)) {
    const byId = await db.ward.findUnique({ where: { id: value }, select });
    if (byId) return byId;
  }
  const byName = await db.ward.findMany({
    where: {
      OR: [
        { name: { equals: value, mode: "insensitive" } },
        { localName: { equals: value, mode: "insensitive" } },
      ],
    },
    select,
    take: 2,
  });
  if (byName.length > 1)
    throw new AppError("VALIDATION", `More than one ward is called ${value}; use its code.`);
  const [ward] = byName;
  if (!ward) throw new AppError("NOT_FOUND", `No ward with code or name ${value}.`);
  return ward;
}
