import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_DISABLED, INVALID_CREDENTIALS, authenticateCredentials } from "./credentials";
import { createTestUser, createTestWard } from "./testing";
import { loadViewer } from "./viewer";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});

afterAll(async () => {
  await testDb.drop();
});

const minutes = (n: number) => n * 60_000;

async function counters(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { failedLoginCount: true, lockedUntil: true, lastLoginAt: true },
  });
}

describe("authenticateCredentials", () => {
  it("signs in with the right password and returns role and jurisdiction", async () => {
    const ward = await createTestWard(db, { code: "KMC-01" });
    const officer = await createTestUser(db, { role: "OFFICER", wardIds: [ward.id] });
    const now = new Date("2026-03-01T08:00:00Z");

    const result = await authenticateCredentials(
      db,
      { email: ` ${officer.email.toUpperCase()} `, password: officer.password },
      now,
    );

    expect(result).toEqual({
      ok: true,
      user: {
        kind: "user",
        id: officer.id,
        email: officer.email,
        name: "Test officer",
        role: "OFFICER",
        wardIds: [ward.id],
      },
    });
    expect(await counters(officer.id)).toEqual({
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
    });
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });

    const wrongPassword = await authenticateCredentials(db, {
      email: officer.email,
      password: "not-it",
    });
    const unknownUser = await authenticateCredentials(db, {
      email: "nobody@sunuwai.test",
      password: "not-it",
    });

    expect(wrongPassword).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(unknownUser).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect((await counters(officer.id)).failedLoginCount).toBe(1);
  });

  it("spends as long on an unknown email as on a wrong password", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const fastest = async (email: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await authenticateCredentials(db, { email, password: "not-it" });
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    // Reset in between: three wrong passwords must not lock the account used for timing.
    const known = await fastest(officer.email);
    await db.user.update({ where: { id: officer.id }, data: { failedLoginCount: 0 } });
    const unknown = await fastest("ghost@sunuwai.test");

    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const start = new Date("2026-03-01T09:00:00Z");

    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        await authenticateCredentials(db, { email: officer.email, password: "guess" }, start),
      ).toEqual({
        ok: false,
        error: INVALID_CREDENTIALS,
      });
    }
    expect(
      await authenticateCredentials(db, { email: officer.email, password: "guess" }, start),
    ).toEqual({
      ok: false,
      error: "Account locked. Try again in 15 minutes.",
    });

    const sixth = await authenticateCredentials(
      db,
      { email: officer.email, password: officer.password },
      start,
    );
    expect(sixth).toEqual({ ok: false, error: "Account locked. Try again in 15 minutes." });

    const tenMinutesLater = new Date(start.getTime() + minutes(10));
    expect(
      await authenticateCredentials(
        db,
        { email: officer.email, password: officer.password },
        tenMinutesLater,
      ),
    ).toEqual({
      ok: false,
      error: "Account locked. Try again in 5 minutes.",
    });

    const afterLock = new Date(start.getTime() + minutes(15) + 1_000);
    const result = await authenticateCredentials(
      db,
      { email: officer.email, password: officer.password },
      afterLock,
    );
    expect(result.ok).toBe(true);
    expect(await counters(officer.id)).toEqual({
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: afterLock,
    });
  });

  it("counts only consecutive failures: a success starts the count again", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    for (let attempt = 0; attempt < 4; attempt++)
      await authenticateCredentials(db, { email: officer.email, password: "x" });
    expect(
      (await authenticateCredentials(db, { email: officer.email, password: officer.password })).ok,
    ).toBe(true);
    for (let attempt = 0; attempt < 4; attempt++)
      await authenticateCredentials(db, { email: officer.email, password: "x" });

    expect(
      (await authenticateCredentials(db, { email: officer.email, password: officer.password })).ok,
    ).toBe(true);
  });

  it("gives a fresh count after a lock expires", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });
    const start = new Date("2026-03-01T11:00:00Z");
    for (let attempt = 0; attempt < 5; attempt++)
      await authenticateCredentials(db, { email: officer.email, password: "x" }, start);

    const later = new Date(start.getTime() + minutes(16));
    expect(
      await authenticateCredentials(db, { email: officer.email, password: "x" }, later),
    ).toEqual({
      ok: false,
      error: INVALID_CREDENTIALS,
    });
    expect(await counters(officer.id)).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
  });

  it("cannot be raced: a burst of parallel guesses still locks the account", async () => {
    const officer = await createTestUser(db, { role: "OFFICER" });

    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        authenticateCredentials(db, { email: officer.email, password: "guess" }),
      ),
    );

    expect(results.every((result) => !result.ok)).toBe(true);
    const afterBurst = await authenticateCredentials(db, {
      email: officer.email,
      password: officer.password,
    });
    expect(afterBurst).toEqual({ ok: false, error: "Account locked. Try again in 15 minutes." });
  });

  it("refuses a disabled user, and only says so to someone who knows the password", async () => {
    const officer = await createTestUser(db, { role: "OFFICER", disabled: true });

    expect(await authenticateCredentials(db, { email: officer.email, password: "wrong" })).toEqual({
      ok: false,
      error: INVALID_CREDENTIALS,
    });
    expect(
      await authenticateCredentials(db, { email: officer.email, password: officer.password }),
    ).toEqual({
      ok: false,
      error: ACCOUNT_DISABLED,
    });
    expect((await counters(officer.id)).lastLoginAt).toBeNull();
  });
});

describe("loadViewer", () => {
  it("returns the user with jurisdiction, and null for disabled, missing or malformed ids", async () => {
    const ward = await createTestWard(db, {
      code: "WARD_001",
      country: "IN",
      municipality: "GHMC",
    });
    const officer = await createTestUser(db, { role: "OFFICER", wardIds: [ward.id] });
    const disabled = await createTestUser(db, { role: "ANALYST", disabled: true });

    expect(await loadViewer(db, officer.id)).toMatchObject({
      kind: "user",
      role: "OFFICER",
      wardIds: [ward.id],
    });
    expect(await loadViewer(db, disabled.id)).toBeNull();
    expect(await loadViewer(db, "6b1f0a52-8a43-4c55-9d0e-3f1f1c1e2d3a")).toBeNull();
    expect(await loadViewer(db, "' OR 1=1 --")).toBeNull();
  });
});
