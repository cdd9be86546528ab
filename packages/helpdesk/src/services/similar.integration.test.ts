import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor } from "../access/actor";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { createGrievance } from "./create-grievance";
import { findSimilarGrievances, suggestSimilarGrievances } from "./similar";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  chatbot = await createChatbot(db);
  await createWard(db, "SIM-1");
  await createWard(db, "SIM-2");
});

afterAll(async () => {
  await testDb.drop();
});

const file = (ward: string, description: string) =>
  createGrievance(db, chatbot, grievanceInput({ ward, description }));

describe("similar grievances", () => {
  it("suggests a near-identical description in the same ward, not one in another ward or a different topic", async () => {
    const original = await file(
      "SIM-1",
      "The street light near Bhimsen temple has been broken for a month and the lane is dark at night.",
    );
    const unrelated = await file(
      "SIM-1",
      "Garbage has not been collected from our tole since the festival.",
    );
    const elsewhere = await file(
      "SIM-2",
      "The street light near Bhimsen temple has been broken for a month and the lane is dark at night!",
    );
    const closed = await file(
      "SIM-1",
      "The street light near Bhimsen temple is broken for a month, the lane is dark at night.",
    );
    await db.grievance.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    const incoming = await file(
      "SIM-1",
      "Street light near the Bhimsen temple broken for a month, lane dark at night",
    );

    const similar = await findSimilarGrievances(db, incoming.id);
    expect(similar.map((item) => item.reference)).toEqual([original.reference]);
    expect(similar[0]?.similarity).toBeGreaterThan(0.5);
    const ids = similar.map((item) => item.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(closed.id);
    // Nothing was merged: every grievance is still there on its own.
    expect(await db.grievance.count()).toBe(5);
  });

  it("returns at most three, most similar first, and only what the officer may see", async () => {
    const ward = await createWard(db, "SIM-3");
    const text = "Water pipe burst on the main road near the ward office, water flowing everywhere";
    const created = [];
    for (const suffix of ["", " today", " again", " since morning", " please fix"])
      created.push(await file("SIM-3", `${text}${suffix}`));
    const last = created.at(-1);
    if (!last) throw new Error("nothing created");
    expect(await findSimilarGrievances(db, last.id)).toHaveLength(3);
    const outsider = await createStaff(db, "OFFICER", "Officer Outside", []);
    await expect(suggestSimilarGrievances(db, outsider, last.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const insider = await createStaff(db, "OFFICER", "Officer Inside", [ward]);
    const first = created[0];
    if (!first) throw new Error("nothing created");
    await db.grievance.update({
      where: { id: first.id },
      data: { sensitive: true, assigneeId: null },
    });
    const seen = await suggestSimilarGrievances(db, insider, last.id);
    expect(seen.map((item) => item.id)).not.toContain(first.id);
    expect(seen.length).toBeGreaterThan(0);
  });
});
