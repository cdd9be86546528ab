import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { AppError } from "@sunuwai/validators/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { createGrievance } from "../services/create-grievance";
import { findComplainantIdsByEmail, findComplainantIdsByPhone } from "../services/complainants";
import { getGrievanceDetail } from "../services/detail";
import { revealComplainantPii } from "../services/reveal-pii";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { decryptComplainantPii } from "./complainant-pii";
import { getPiiVault } from "./vault";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;
let supervisor: StaffActor;
let wardId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  chatbot = await createChatbot(db);
  supervisor = await createStaff(db, "SUPERVISOR", "Sabina Supervisor");
  wardId = await createWard(db, "PII-01");
});

afterAll(async () => {
  await testDb.drop();
});

describe("complainant personal data at rest", () => {
  it("a raw SELECT of complainants shows no phone digits, names, emails or addresses", async () => {
    await createGrievance(db, chatbot, grievanceInput({ phone: "+977-9841234567", ward: wardId }));
    await createGrievance(
      db,
      chatbot,
      grievanceInput({
        phone: "9851098765",
        complainant: {
          fullName: "Ram Bahadur Thapa",
          phone: "9851098765",
          email: "Ram.Thapa@Example.com",
          address: "Koteshwor 32",
        },
      }),
    );
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Complainant"`;
    expect(rows).toHaveLength(2);
    const values = rows.flatMap((row) => Object.values(row));
    const bytes = values
      .filter((value): value is Uint8Array => value instanceof Uint8Array)
      .map((value) => Buffer.from(value));
    const text = values
      .filter((value) => !(value instanceof Uint8Array))
      .map(String)
      .join("\n")
      .toLowerCase();
    expect(bytes.length).toBeGreaterThanOrEqual(7);
    for (const secret of [
      "9841234567",
      "1234567",
      "9851098765",
      "Sita",
      "Shrestha",
      "Ram Bahadur",
      "Thapa",
      "example.com",
      "Baneshwor",
      "Koteshwor",
    ]) {
      expect(text).not.toContain(secret.toLowerCase());
      // Neither as UTF-8 bytes inside a bytea column.
      expect(bytes.some((buffer) => buffer.includes(Buffer.from(secret, "utf8")))).toBe(false);
    }
  });

  it("finds the person by phone under three spellings, and by email in any case", async () => {
    const spellings = ["+977-9841234567", "9841234567", "009779841234567"];
    const found = await Promise.all(
      spellings.map((phone) => findComplainantIdsByPhone(db, getPiiVault(), phone)),
    );
    expect(found[0]).toHaveLength(1);
    expect(found[1]).toEqual(found[0]);
    expect(found[2]).toEqual(found[0]);
    expect(await findComplainantIdsByPhone(db, getPiiVault(), "9841234568")).toEqual([]);
    expect(
      await findComplainantIdsByEmail(db, getPiiVault(), "  RAM.THAPA@example.COM"),
    ).toHaveLength(1);
  });

  it("files a second grievance from the same phone under the same complainant", async () => {
    const before = await db.complainant.count();
    const created = await createGrievance(
      db,
      chatbot,
      grievanceInput({ phone: "009779841234567" }),
    );
    expect(await db.complainant.count()).toBe(before);
    const grievance = await db.grievance.findUniqueOrThrow({
      where: { id: created.id },
      select: { complainantId: true },
    });
    expect(await findComplainantIdsByPhone(db, getPiiVault(), "9841234567")).toEqual([
      grievance.complainantId,
    ]);
  });

  it("adds details a known complainant had not given, keeps the name on file, and writes to the new email", async () => {
    const phone = "9861777001"; // outside the fixtures' 984… range
    const first = grievanceInput({ phone });
    delete first.complainant.email;
    delete first.complainant.address;
    await createGrievance(db, chatbot, first);
    const second = await createGrievance(db, chatbot, {
      ...grievanceInput({ phone }),
      complainant: {
        fullName: "Another Name",
        phone,
        email: "late.email@example.com",
        address: "Tole 9",
      },
    });
    const [complainantId] = await findComplainantIdsByPhone(db, getPiiVault(), phone);
    expect(await findComplainantIdsByEmail(db, getPiiVault(), "LATE.EMAIL@example.com")).toEqual([
      complainantId,
    ]);
    const row = await db.complainant.findUniqueOrThrow({ where: { id: complainantId } });
    expect(decryptComplainantPii(getPiiVault(), row)).toMatchObject({
      name: "Sita Kumari Shrestha",
      email: "late.email@example.com",
      address: "Tole 9",
    });
    const notification = await db.notification.findFirstOrThrow({
      where: { grievanceId: second.id },
    });
    expect(notification).toMatchObject({ template: "received", channel: "EMAIL" });
  });

  it("shows staff masked values and reveals them only with a logged reason", async () => {
    const created = await createGrievance(
      db,
      chatbot,
      grievanceInput({ phone: "9801112233", ward: wardId }),
    );
    const detail = await getGrievanceDetail(db, supervisor, created.id);
    expect(detail.complainant).toMatchObject({
      name: "S••• K••• S•••",
      phone: "98•••••233",
      email: "s•••@example.com",
      address: "••••••",
    });
    const revealed = await revealComplainantPii(db, supervisor, {
      grievanceId: created.id,
      fields: ["phone", "name"],
      reason: "Calling back about the water tanker",
    });
    expect(revealed).toEqual({ phone: "+9779801112233", name: "Sita Kumari Shrestha" });
    const events = await db.grievanceEvent.findMany({
      where: { grievanceId: created.id, type: "PII_REVEALED" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: supervisor.userId, actorKind: "user" });
    expect(events[0]?.payload).toMatchObject({
      fields: ["phone", "name"],
      reason: "Calling back about the water tanker",
    });
    expect(JSON.stringify(events[0]?.payload)).not.toContain("9801112233");
  });

  it("a tampered ciphertext fails with a clean error and no plaintext", async () => {
    const created = await createGrievance(
      db,
      chatbot,
      grievanceInput({ phone: "9803334455", ward: wardId }),
    );
    const { complainantId } = await db.grievance.findUniqueOrThrow({
      where: { id: created.id },
      select: { complainantId: true },
    });
    // Flip one bit of the ciphertext body in the database.
    await db.$executeRaw`
      UPDATE "Complainant" SET "phoneCipher" = set_byte("phoneCipher", length("phoneCipher") - 1, get_byte("phoneCipher", length("phoneCipher") - 1) # 1)
      WHERE "id" = ${complainantId}::uuid`;
    const error = await revealComplainantPii(db, supervisor, {
      grievanceId: created.id,
      fields: ["phone"],
      reason: "Verifying the caller",
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INTERNAL");
    expect((error as AppError).message).toBe(
      `Stored personal data could not be decrypted (complainant:${complainantId}:phone): the value was altered or belongs elsewhere`,
    );
    // The failed reveal wrote no audit event (its transaction rolled back) and the page still renders.
    expect(
      await db.grievanceEvent.count({ where: { grievanceId: created.id, type: "PII_REVEALED" } }),
    ).toBe(0);
    const detail = await getGrievanceDetail(db, supervisor, created.id);
    expect(detail.complainant.phone).toBe("(unreadable)");
    expect(detail.complainant.name).toBe("S••• K••• S•••");
  });
});
