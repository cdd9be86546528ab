import type { Db } from "@sunuwai/db";
import type { WardMeta } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { wardElections } from "../form20/aggregates";

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Profile, demographics, features and electoral aggregates of a ward; `updated_at` is the newest timestamp inside. */
export async function wardMeta(db: Db, input: { wardCode: string }): Promise<WardMeta> {
  const ward = await db.ward.findFirst({
    where: { code: { equals: input.wardCode.trim(), mode: "insensitive" } },
    select: {
      id: true, code: true, number: true, name: true, localName: true, municipality: true, district: true, province: true,
      country: true, updatedAt: true,
      profile: { select: { population: true, households: true, areaSqKm: true, demographics: true, features: true, updatedAt: true } },
    },
  });
  if (!ward) throw new AppError("NOT_FOUND", `No ward with code ${input.wardCode}.`);
  const elections = await wardElections(db, ward.id);
  const stamps = [ward.updatedAt, ward.profile?.updatedAt, ...elections.map((e) => e.updatedAt)].filter((d): d is Date => d instanceof Date);
  const updatedAt = new Date(Math.max(...stamps.map((d) => d.getTime())));
  const { profile, ...wardFields } = ward;
  return {
    ward: wardFields,
    profile: profile ? { population: profile.population, households: profile.households, areaSqKm: profile.areaSqKm, updatedAt: profile.updatedAt } : null,
    demographics: asRecord(profile?.demographics),
    features: asRecord(profile?.features),
    elections,
    updated_at: updatedAt,
  };
}
