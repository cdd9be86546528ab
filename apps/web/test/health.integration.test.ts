import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIR, startAppServer } from "./app-server";
import type { AppServer } from "./app-server";

const { version } = JSON.parse(readFileSync(path.join(WEB_DIR, "package.json"), "utf8")) as {
  version: string;
};
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.stop();
});

async function getHealth(route: string) {
  const started = Date.now();
  const response = await fetch(`${app.url}${route}`);
  return {
    response,
    body: (await response.json()) as Record<string, unknown>,
    ms: Date.now() - started,
  };
}

async function recordWorkerHeartbeat(seenSecondsAgo: number) {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "WorkerHeartbeat" ("workerId", "hostname", "pid", "startedAt", "seenAt")
       VALUES ('test-worker', 'test-host', 1, now() - interval '1 hour', now() - make_interval(secs => $1))
       ON CONFLICT ("workerId") DO UPDATE SET "seenAt" = excluded."seenAt"`,
      [seenSecondsAgo],
    );
  } finally {
    await client.end();
  }
}

describe("/api/health", () => {
  it("answers 200 healthy with the original service's fields, and reports a stopped worker", async () => {
    const { response, body } = await getHealth("/api/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(Object.keys(body).sort()).toEqual([
      "database",
      "status",
      "timestamp",
      "version",
      "worker",
    ]);
    expect(body).toMatchObject({
      status: "healthy",
      database: "connected",
      worker: "stopped",
      version,
    });
    expect(body.timestamp).toMatch(ISO_UTC);
  });

  it("reports the worker running only while its heartbeat is fresh", async () => {
    await recordWorkerHeartbeat(2);
    await expect(getHealth("/api/health").then((r) => r.body.worker)).resolves.toBe("running");
    await recordWorkerHeartbeat(600);
    await expect(getHealth("/api/health").then((r) => r.body.worker)).resolves.toBe("stopped");
  });

  it("answers the same report under the chatbot's REST prefix", async () => {
    const { response, body } = await getHealth("/api/v1/health");
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: "healthy", database: "connected", version });
  });

  it("answers 503 unhealthy, promptly, once the database is gone", async () => {
    await app.stopDatabase();
    for (const route of ["/api/health", "/api/v1/health"]) {
      const { response, body, ms } = await getHealth(route);
      expect(response.status).toBe(503);
      expect(Object.keys(body).sort()).toEqual([
        "database",
        "status",
        "timestamp",
        "version",
        "worker",
      ]);
      expect(body).toMatchObject({
        status: "unhealthy",
        database: "unreachable",
        worker: "unknown",
        version,
      });
      expect(body.timestamp).toMatch(ISO_UTC);
      expect(ms).toBeLessThan(5_000);
    }
  });
});
