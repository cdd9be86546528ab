// The worker killed with SIGKILL in the middle of an OpenAI classification: nothing half-done is left, and once
// the dead worker's lock is released the job runs again, to exactly one classification and one notification.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { createGrievance, createPiiVault } from "@sunuwai/helpdesk";
import { makeWorkerUtils } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = path.resolve(import.meta.dirname, "..");
const testKey = (fill: number) => Buffer.alloc(32, fill).toString("base64");
const PII = { PII_ENCRYPTION_KEYS: `test1:${testKey(1)}`, PII_BLIND_INDEX_KEY: testKey(9) };

let testDb: TestDatabase;
let db: Db;

/**
 * An OpenAI-compatible server whose first classification never answers (the worker is killed while it waits);
 * later ones answer at once. Other requests (summary, translation …) fail, which only delays those jobs.
 */
class StallingOpenAi {
  classificationRequests = 0;
  private held: ServerResponse[] = [];
  private firstArrived!: () => void;
  readonly firstClassification = new Promise<void>((resolve) => (this.firstArrived = resolve));
  private server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as {
        model?: string;
        response_format?: { json_schema?: { name?: string } };
      };
      if (body.response_format?.json_schema?.name !== "classification") {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ error: { message: "not in this test", type: "server_error" } }),
        );
        return;
      }
      this.classificationRequests += 1;
      if (this.classificationRequests === 1) {
        this.held.push(response);
        this.firstArrived();
        return;
      }
      const answer = { categories: ["Water Supply"], confidence: 0.93 };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          id: "chatcmpl-test",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              logprobs: null,
              message: { role: "assistant", content: JSON.stringify(answer), refusal: null },
            },
          ],
          usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
        }),
      );
    });
  });

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** `node --import tsx src/main.ts`, as `pnpm start` runs the worker. */
function startWorkerProcess(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until<T>(probe: () => Promise<T | null>, what: string, output: () => string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const classifyJob = async () =>
  (
    await db.$queryRaw<{ locked_by: string | null; attempts: number }[]>`
      SELECT locked_by, attempts FROM graphile_worker.jobs WHERE task_identifier = 'grievance.classify'`
  )[0] ?? null;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});

afterAll(async () => {
  await testDb?.drop();
});

describe("a worker killed with SIGKILL during classification", { timeout: 150_000 }, () => {
  it("leaves the job to a new worker once the lock is released: one CLASSIFIED event, one notification", async () => {
    const openai = new StallingOpenAi();
    await openai.start();
    const workers: ChildProcess[] = [];
    try {
      const token = await db.apiToken.create({
        data: {
          name: "chatbot",
          tokenHash: "0".repeat(64),
          prefix: "snw_test",
          scopes: ["grievance:write"],
        },
        select: { id: true },
      });
      const vault = createPiiVault({
        encryptionKeys: PII.PII_ENCRYPTION_KEYS,
        blindIndexKey: PII.PII_BLIND_INDEX_KEY,
      });
      const grievance = await createGrievance(
        db,
        { apiTokenId: token.id },
        {
          complainant: {
            fullName: "Sita Kumari Shrestha",
            phone: "9841234567",
            email: "sita@example.com",
          },
          description: "The drinking water supply in our tole has been cut for two weeks.",
          language: "en",
        },
        { vault },
      );
      const env = {
        ...PII,
        DATABASE_URL: testDb.url,
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: openai.baseURL,
        OPENAI_TIMEOUT_MS: "120000",
        WORKER_POLL_INTERVAL_MS: "200",
        WORKER_LOG_LEVEL: "info",
        // No provider configured: the "received" message is logged and recorded as LOGGED.
        SMTP_URL: "",
        SMS_API_URL: "",
        WHATSAPP_API_URL: "",
      };

      const first = startWorkerProcess(env);
      workers.push(first.child);
      await Promise.race([
        openai.firstClassification,
        new Promise((_, reject) =>
          first.child.once("exit", () =>
            reject(new Error(`the first worker exited:\n${first.output()}`)),
          ),
        ),
      ]);
      const locked = await classifyJob();
      expect(locked?.locked_by).toBeTruthy();
      const exited = new Promise((resolve) => first.child.once("exit", resolve));
      first.child.kill("SIGKILL");
      await exited;

      // Killed mid-request: nothing recorded, and the job stays locked by the dead worker.
      expect(
        await db.grievanceEvent.count({ where: { grievanceId: grievance.id, type: "CLASSIFIED" } }),
      ).toBe(0);
      expect((await classifyJob())?.locked_by).toBe(locked?.locked_by);

      // graphile-worker releases a dead worker's locks by itself only after 4 hours; an operator (or a supervisor
      // that knows the process died) releases them at once with forceUnlockWorkers, as here.
      const utils = await makeWorkerUtils({ connectionString: testDb.url });
      try {
        await utils.forceUnlockWorkers([locked?.locked_by ?? ""]);
      } finally {
        await utils.release();
      }
      expect((await classifyJob())?.locked_by).toBeNull();

      const second = startWorkerProcess(env);
      workers.push(second.child);
      await until(
        async () =>
          (await db.grievance.findUniqueOrThrow({ where: { id: grievance.id } }))
            .classificationStatus === "LLM_GENERATED" && (await classifyJob()) === null
            ? true
            : null,
        "the classification by the second worker",
        second.output,
      );
      await until(
        async () =>
          (await db.notification.count({
            where: { grievanceId: grievance.id, status: "LOGGED" },
          })) === 1
            ? true
            : null,
        "the received notification to be logged",
        second.output,
      );

      expect(
        await db.grievanceEvent.count({ where: { grievanceId: grievance.id, type: "CLASSIFIED" } }),
      ).toBe(1);
      const classified = await db.grievance.findUniqueOrThrow({ where: { id: grievance.id } });
      expect(classified.categories).toEqual(["Water Supply"]);
      const notifications = await db.notification.findMany({
        where: { grievanceId: grievance.id },
      });
      expect(notifications.map((n) => [n.template, n.status])).toEqual([["received", "LOGGED"]]);
      expect(
        await db.grievanceEvent.count({
          where: { grievanceId: grievance.id, type: "NOTIFICATION_SENT" },
        }),
      ).toBe(1);
      // Two requests: the one the kill interrupted and the one that finished.
      expect(openai.classificationRequests).toBe(2);
    } finally {
      for (const child of workers)
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await openai.stop();
    }
  });
});
