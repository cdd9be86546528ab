import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../access/actor";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { createGrievance } from "./create-grievance";
import { listQueue, QUEUE_COUNT_CAP } from "./queue";

let db: Db;
let testDb: TestDatabase;
let supervisor: StaffActor;

/** 3,000 grievances over two wards, many sharing a creation time so the id tie-break matters. */
beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  supervisor = await createStaff(db, "SUPERVISOR", "Supervisor Queue");
  const big = await createWard(db, "Q-BIG");
  const small = await createWard(db, "Q-SMALL");
  const first = await createGrievance(
    db,
    await createChatbot(db),
    grievanceInput({ ward: "Q-BIG" }),
  );
  const { complainantId } = await db.grievance.findUniqueOrThrow({
    where: { id: first.id },
    select: { complainantId: true },
  });
  await db.$executeRaw`
    INSERT INTO "Grievance" ("id", "reference", "year", "sequence", "description", "language", "categories", "status",
      "slaDueAt", "createdAt", "updatedAt", "complainantId", "wardId")
    SELECT gen_random_uuid(), 'GRV-2000-' || lpad(i::text, 6, '0'), 2000, i, 'Seeded grievance number ' || i, 'en', '{}',
      'SUBMITTED', CASE WHEN i % 7 = 0 THEN NULL ELSE timestamptz '2000-06-01' + (i % 97) * interval '1 hour' END,
      timestamptz '2000-01-01' + (i % 50) * interval '1 day', now(), ${complainantId}::uuid,
      CASE WHEN i % 10 = 0 THEN ${small}::uuid ELSE ${big}::uuid END
    FROM generate_series(1, 3000) AS i`;
  await db.$executeRaw`ANALYZE "Grievance"`;
});

afterAll(async () => {
  await testDb.drop();
});

const ORDER_SQL = {
  newest: `"createdAt" DESC, "id" DESC`,
  oldest: `"createdAt" ASC, "id" ASC`,
  dueSoonest: `"slaDueAt" ASC NULLS LAST, "id" ASC`,
} as const;

describe("queue ordering", () => {
  for (const sort of ["newest", "oldest", "dueSoonest"] as const) {
    it(`pages ${sort} in the database's order, for many matches and for few`, async () => {
      for (const wardCode of ["Q-BIG", "Q-SMALL"]) {
        const ward = await db.ward.findUniqueOrThrow({
          where: { code: wardCode },
          select: { id: true },
        });
        const expected = await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id"::text AS id FROM "Grievance" WHERE "wardId" = $1::uuid ORDER BY ${ORDER_SQL[sort]} LIMIT 30 OFFSET 40`,
          ward.id,
        );
        const page3 = await listQueue(db, supervisor, {
          wardId: ward.id,
          sort,
          pageSize: 20,
          page: 3,
        });
        const page4 = await listQueue(db, supervisor, {
          wardId: ward.id,
          sort,
          pageSize: 20,
          page: 4,
        });
        expect([...page3.items, ...page4.items].slice(0, 30).map((item) => item.id)).toEqual(
          expected.map((row) => row.id),
        );
        expect(page3).toMatchObject(
          wardCode === "Q-BIG"
            ? { total: QUEUE_COUNT_CAP, totalExact: false }
            : { total: 300, totalExact: true },
        );
      }
    });
  }

  it("counts exactly up to the cap or the end of the page, and says when there are more", async () => {
    const ward = await db.ward.findUniqueOrThrow({
      where: { code: "Q-BIG" },
      select: { id: true },
    });
    const page = (n: number) =>
      listQueue(db, supervisor, { wardId: ward.id, pageSize: 20, page: n });
    const first = await page(1);
    expect(first).toMatchObject({ total: QUEUE_COUNT_CAP, totalExact: false });
    expect(first.items).toHaveLength(20);
    const deep = await page(60);
    expect(deep).toMatchObject({ total: 1200, totalExact: false });
    expect(deep.items).toHaveLength(20);
    const last = await page(136);
    expect(last).toMatchObject({ total: 2701, totalExact: true });
    expect(last.items).toHaveLength(1);
  });

  it("returns an empty page past the end", async () => {
    const page = await listQueue(db, supervisor, { page: 1000, pageSize: 100 });
    expect(page).toMatchObject({ items: [], total: 3001, page: 1000 });
  });
});
