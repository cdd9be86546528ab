import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import type { EmbeddedPostgresHandle } from "./embedded";

let root: string;
const started: EmbeddedPostgresHandle[] = [];

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "sunuwai-embedded-"));
  chmodSync(root, 0o755);
});

afterAll(async () => {
  await Promise.all(started.map((handle) => handle.stop()));
  rmSync(root, { recursive: true, force: true });
});

async function start(dir: string): Promise<EmbeddedPostgresHandle> {
  const handle = await startEmbeddedPostgres({ dir, database: "probe", fast: true });
  started.push(handle);
  return handle;
}

/** The server's address as this connection sees it: NULL over a Unix socket, the IP over TCP. */
async function serverAddress(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ address: string | null }>(
      "SELECT host(inet_server_addr()) AS address",
    );
    return rows[0]?.address ?? null;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL connections", () => {
  it("go through the Unix socket in the data folder, and a second start on the folder joins it the same way", async () => {
    const dir = path.join(root, "pg");
    const first = await start(dir);
    expect(new URL(first.url).searchParams.get("host")).toBe(dir);
    expect(await serverAddress(first.url)).toBeNull();
    expect(await serverAddress(first.urlFor("postgres"))).toBeNull();

    const joined = await start(dir);
    expect(joined.owned).toBe(false);
    expect(joined.url).toBe(first.url);
  });

  it("fall back to TCP on 127.0.0.1 when the folder's path is too long for a socket", async () => {
    const deep = path.join(root, "a-folder-name-long-enough".repeat(4));
    mkdirSync(deep, { recursive: true });
    chmodSync(deep, 0o755);
    const handle = await start(path.join(deep, "pg"));
    expect(new URL(handle.url).searchParams.get("host")).toBeNull();
    expect(await serverAddress(handle.url)).toBe("127.0.0.1");
  });
});
