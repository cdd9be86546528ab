import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { readWorkerHeartbeat } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = path.resolve(import.meta.dirname, "..");
const tsx = path.join(packageDir, "node_modules/.bin/tsx");

let url: string;
let db: Db;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ url, db } = testDb);
});

afterAll(async () => {
  await testDb.drop();
});

/** `tsx src/main.ts` as `pnpm start` runs it; resolves its exit code and collects its stdout lines. */
function startMain(env: NodeJS.ProcessEnv) {
  const child = spawn(tsx, ["src/main.ts"], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let onLine: (line: string) => void = () => undefined;
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    onLine(line);
  });
  const stderr: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const waitForLine = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some((l) => pattern.test(l))) return resolve();
      onLine = (line) => pattern.test(line) && resolve();
      void exited.then((code) =>
        reject(new Error(`worker exited with ${code}: ${stderr.join("")}`)),
      );
    });
  return { child, lines, exited, waitForLine };
}

// Each case starts a fresh `tsx` process that compiles the worker and both domains first.
describe("pnpm --filter @sunuwai/worker start", { timeout: 90_000 }, () => {
  it("exits 0 within a few seconds of SIGTERM and leaves no heartbeat behind", async () => {
    const main = startMain({ DATABASE_URL: url, WORKER_LOG_LEVEL: "info" });
    await main.waitForLine(/"msg":"worker started"/);
    expect(await readWorkerHeartbeat(db)).toMatchObject({ status: "running", workers: 1 });

    const sentAt = Date.now();
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(await readWorkerHeartbeat(db)).toEqual({
      status: "stopped",
      workers: 0,
      lastSeenAt: null,
    });
    // Every line is a JSON log record.
    for (const line of main.lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it("refuses to start without DATABASE_URL and says how to fix it", async () => {
    const main = startMain({ DATABASE_URL: "" });
    expect(await main.exited).toBe(1);
    expect(main.lines.join("\n")).toMatch(/DATABASE_URL is not set/);
  });
});
