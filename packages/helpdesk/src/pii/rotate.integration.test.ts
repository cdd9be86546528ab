import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrievance } from "../services/create-grievance";
import { findComplainantIdsByPhone } from "../services/complainants";
import { createChatbot, grievanceInput, nextPhone } from "../test/fixtures";
import { randomKey, vaultWith } from "../test/keys";
import { decryptComplainantPii } from "./complainant-pii";
import { envelopeKeyId } from "./envelope";
import { rotateKeys } from "./rotate";

let db: Db;
let testDb: TestDatabase;

const keys = { old: randomKey(), next: randomKey() };
const blindIndexKey = randomKey();
const before = vaultWith(keys, ["old"], blindIndexKey);
const after = vaultWith(keys, ["next", "old"], blindIndexKey);
const nextOnly = vaultWith(keys, ["next"], blindIndexKey);

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});

afterAll(async () => {
  await testDb.drop();
});

const keyCounts = async () =>
  Object.fromEntries(
    (await db.complainant.groupBy({ by: ["keyId"], _count: { _all: true } })).map((group) => [
      group.keyId,
      group._count._all,
    ]),
  );

describe("rotateKeys", () => {
  it("stopped after the first batch and run again, leaves no row on the old key and every row decrypts", async () => {
    const chatbot = await createChatbot(db);
    const phones = Array.from({ length: 25 }, () => nextPhone());
    for (const phone of phones) {
      await createGrievance(
        db,
        chatbot,
        grievanceInput({
          phone,
          complainant: {
            fullName: `Person ${phone.slice(-4)}`,
            phone,
            email: `p${phone}@example.com`,
          },
        }),
        { vault: before },
      );
    }
    expect(await keyCounts()).toEqual({ old: 25 });

    const controller = new AbortController();
    const progress: number[] = [];
    const first = await rotateKeys(db, {
      vault: after,
      batchSize: 10,
      signal: controller.signal,
      onProgress: ({ rotated }) => {
        progress.push(rotated);
        controller.abort(); // "killed" right after the first batch committed
      },
    });
    expect(first).toMatchObject({
      keyId: "next",
      rotated: 10,
      batches: 1,
      aborted: true,
      done: false,
      remaining: 15,
    });
    expect(progress).toEqual([10]);
    expect(await keyCounts()).toEqual({ old: 15, next: 10 });

    const resumed = await rotateKeys(db, { vault: after, batchSize: 10 });
    expect(resumed).toMatchObject({
      rotated: 15,
      batches: 2,
      aborted: false,
      done: true,
      remaining: 0,
    });
    expect(await keyCounts()).toEqual({ next: 25 });

    // Every row opens with the new key alone, every envelope names it, and search by phone still works.
    const rows = await db.complainant.findMany({
      select: {
        id: true,
        nameCipher: true,
        phoneCipher: true,
        emailCipher: true,
        addressCipher: true,
      },
    });
    for (const row of rows) {
      const pii = decryptComplainantPii(nextOnly, row);
      expect(pii.name).toMatch(/^Person \d{4}$/);
      expect(pii.email).toMatch(/^p\d+@example\.com$/);
      for (const cipher of [row.nameCipher, row.phoneCipher, row.emailCipher, row.addressCipher]) {
        if (cipher) expect(envelopeKeyId(cipher)).toBe("next");
      }
    }
    for (const phone of phones.slice(0, 3)) {
      expect(await findComplainantIdsByPhone(db, nextOnly, `+977${phone}`)).toHaveLength(1);
    }

    const again = await rotateKeys(db, { vault: after, batchSize: 10 });
    expect(again).toMatchObject({ rotated: 0, batches: 0, done: true, remaining: 0 });
  });

  it("hands on a cursor when limited to a number of batches", async () => {
    const third = vaultWith(
      { ...keys, third: randomKey() },
      ["third", "next", "old"],
      blindIndexKey,
    );
    const slice = await rotateKeys(db, { vault: third, batchSize: 10, maxBatches: 1 });
    expect(slice).toMatchObject({ rotated: 10, done: false, remaining: 15 });
    expect(slice.lastId).toMatch(/^[0-9a-f-]{36}$/);
    const rest = await rotateKeys(db, {
      vault: third,
      batchSize: 10,
      afterId: slice.lastId ?? undefined,
    });
    expect(rest).toMatchObject({ rotated: 15, done: true, remaining: 0 });
  });
});
