import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor } from "../access/actor";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { createGrievance } from "./create-grievance";
import { getGrievanceDetailByReference } from "./detail";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  chatbot = await createChatbot(db);
});

afterAll(async () => {
  await testDb.drop();
});

describe("grievance detail by reference", () => {
  it("opens a grievance by its reference for its ward's officer, and answers others exactly like a missing one", async () => {
    const ward = await createWard(db, "DET-1");
    const officer = await createStaff(db, "OFFICER", "Detail Officer", [ward]);
    const outsider = await createStaff(db, "OFFICER", "Detail Outsider", [
      await createWard(db, "DET-2"),
    ]);
    const created = await createGrievance(db, chatbot, grievanceInput({ ward: "DET-1" }));

    const detail = await getGrievanceDetailByReference(db, officer, created.reference);
    expect(detail.id).toBe(created.id);
    expect(detail.reference).toBe(created.reference);
    expect(detail.complainant.name).not.toContain("Shrestha");

    const hidden = getGrievanceDetailByReference(db, outsider, created.reference);
    await expect(hidden).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance not found",
    });
    await expect(
      getGrievanceDetailByReference(db, officer, "GRV-2099-999999"),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance not found",
    });
  });

  it("lists each attachment with its thumbnail, transcript or rejection reason", async () => {
    await createWard(db, "DET-3");
    const supervisor = await createStaff(db, "SUPERVISOR", "Detail Supervisor");
    const created = await createGrievance(db, chatbot, grievanceInput({ ward: "DET-3" }));
    const base = { grievanceId: created.id, sha256: "0".repeat(64), sizeBytes: 2048 };
    await db.attachment.createMany({
      data: [
        {
          ...base,
          kind: "IMAGE",
          storageKey: "k-photo",
          originalName: "photo.jpg",
          mimeType: "image/jpeg",
          status: "PROCESSED",
          thumbnailKey: "k-thumb",
        },
        {
          ...base,
          kind: "VOICE",
          storageKey: "k-voice",
          originalName: "voice.ogg",
          mimeType: "audio/ogg",
          status: "PROCESSED",
          transcript: "The tap is dry.",
        },
        {
          ...base,
          kind: "DOCUMENT",
          storageKey: "k-pdf",
          originalName: "bill.pdf",
          mimeType: "application/pdf",
          status: "REJECTED",
          rejectReason: "The PDF could not be read.",
        },
      ],
    });

    const { attachments } = await getGrievanceDetailByReference(db, supervisor, created.reference);
    const byName = Object.fromEntries(attachments.map((file) => [file.originalName, file]));
    expect(byName["photo.jpg"]).toMatchObject({
      hasThumbnail: true,
      transcript: null,
      rejectReason: null,
    });
    expect(byName["voice.ogg"]).toMatchObject({
      hasThumbnail: false,
      transcript: "The tap is dry.",
    });
    expect(byName["bill.pdf"]).toMatchObject({
      status: "REJECTED",
      rejectReason: "The PDF could not be read.",
    });
  });
});
