import type { Db } from "@sunuwai/db";
import type { RevealPiiInput } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import { staffEventActor } from "../access/actor";
import type { StaffActor } from "../access/actor";
import { canRevealPii } from "../access/visibility";
import { recordGrievanceEvent } from "../events";
import { decryptComplainantPii } from "../pii/complainant-pii";
import type { ComplainantPii, PiiField } from "../pii/complainant-pii";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { lockVisibleGrievance } from "./load";

const ALL_FIELDS: PiiField[] = ["name", "phone", "email", "address"];

/**
 * Returns the complainant's personal data in the clear. Only supervisors/admins and the assigned officer may,
 * with a reason; the PII_REVEALED event (who, when, which fields, why) commits before anything is returned.
 */
export async function revealComplainantPii(
  db: Db,
  actor: StaffActor,
  input: RevealPiiInput,
  options: { now?: Date; vault?: PiiVault } = {},
): Promise<Partial<ComplainantPii>> {
  const now = options.now ?? new Date();
  const vault = options.vault ?? getPiiVault();
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw new AppError(
      "VALIDATION",
      "Give a reason of at least 5 characters for revealing personal data",
    );
  const fields = [...new Set(input.fields ?? ALL_FIELDS)];
  return db.$transaction(async (tx) => {
    const grievance = await lockVisibleGrievance(tx, actor, input.grievanceId);
    if (!canRevealPii(actor, grievance)) {
      throw new AppError(
        "FORBIDDEN",
        "Only supervisors, admins and the officer assigned to this grievance can reveal personal data",
      );
    }
    const row = await tx.complainant.findUniqueOrThrow({
      where: { id: grievance.complainantId },
      select: {
        id: true,
        nameCipher: true,
        phoneCipher: true,
        emailCipher: true,
        addressCipher: true,
      },
    });
    const pii = decryptComplainantPii(vault, row);
    await recordGrievanceEvent(tx, grievance, {
      type: "PII_REVEALED",
      actor: staffEventActor(actor),
      at: now,
      payload: { fields, reason, complainantId: row.id },
    });
    return Object.fromEntries(fields.map((field) => [field, pii[field]]));
  });
}
