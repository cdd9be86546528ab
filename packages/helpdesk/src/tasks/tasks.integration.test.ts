import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { enqueue } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";
import { Logger, runTaskListOnce } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createGrievance } from "../services/create-grievance";
import { createChatbot, grievanceInput } from "../test/fixtures";
import { createPiiVault } from "../pii/vault";

let url: string;
let db: Db;
let testDb: TestDatabase;
let helpdeskTasks: TaskList;
let disconnectWorkerDb: () => Promise<void>;

const quiet = new Logger(() => () => undefined);

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ url, db } = testDb);
  // The handlers use the process-wide client for DATABASE_URL, as in the worker: point it at this database.
  vi.stubEnv("DATABASE_URL", url);
  vi.resetModules();
  ({ helpdeskTasks } = await import("./index"));
  const { getDb } = await import("@sunuwai/db");
  disconnectWorkerDb = () => getDb().$disconnect();
});

afterAll(async () => {
  await disconnectWorkerDb();
  vi.unstubAllEnvs();
  await testDb.drop();
});

async function runDueJobs(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await runTaskListOnce(
      { noHandleSignals: true, logger: quiet },
      helpdeskTasks,
      client as unknown as pg.PoolClient,
    ).promise;
  } finally {
    await client.end();
  }
}

const failedJobs = () =>
  db.$queryRaw<
    { last_error: string | null }[]
  >`SELECT last_error FROM graphile_worker._private_jobs WHERE last_error IS NOT NULL`;

describe("sla.escalateOverdue task", () => {
  it("escalates what is overdue, and running it again changes nothing", async () => {
    const chatbot = await createChatbot(db);
    const { id } = await createGrievance(db, chatbot, grievanceInput(), {
      now: new Date(Date.now() - 3 * 86_400_000),
    });
    await enqueue(db, "sla.escalateOverdue", {});
    await runDueJobs();
    expect(await db.grievance.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ESCALATED",
      escalationLevel: 2,
    });
    await enqueue(db, "sla.escalateOverdue", {});
    await runDueJobs();
    expect(await db.grievanceEvent.count({ where: { grievanceId: id, type: "ESCALATED" } })).toBe(
      1,
    );
    expect(await failedJobs()).toEqual([]);
  });
});

describe("keys.rotate task", () => {
  it("moves every complainant to the current key, and refuses a key this worker does not hold as current", async () => {
    const chatbot = await createChatbot(db);
    const old = createPiiVault({
      encryptionKeys: `test0:${Buffer.alloc(32, 0).toString("base64")}`,
      blindIndexKey: Buffer.alloc(32, 9).toString("base64"),
    });
    for (let index = 0; index < 3; index += 1)
      await createGrievance(db, chatbot, grievanceInput(), { vault: old });
    const onOld = () => db.complainant.count({ where: { keyId: "test0" } });
    expect(await onOld()).toBe(3);

    await enqueue(db, "keys.rotate", { keyId: "test9" });
    await runDueJobs();
    expect(await onOld()).toBe(3);
    expect((await failedJobs()).map((job) => job.last_error)).toEqual([
      expect.stringContaining(`current PII key is "test1", not "test9"`),
    ]);
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;

    await enqueue(db, "keys.rotate", { keyId: "test1" });
    await runDueJobs();
    expect(await onOld()).toBe(0);
    expect(await db.complainant.count({ where: { keyId: "test1" } })).toBe(
      await db.complainant.count(),
    );
    expect(await failedJobs()).toEqual([]);
  });
});
