// A throwaway embedded PostgreSQL for the intel benchmarks: production durability (fsync, synchronous commit and
// full-page writes on), migrated with the project's migrations, deleted on stop (and on Ctrl-C).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@sunuwai/db/embedded";
import { applyMigrations } from "@sunuwai/db/migrate";
import { seedWards } from "@sunuwai/db/seed";
import pg from "pg";

export interface BenchDatabase {
  url: string;
  /** Temp folder of the run (the cluster lives in it; put generated files here too). */
  dir: string;
  connect(): Promise<pg.Client>;
  stop(): Promise<void>;
}

export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `sunuwai-bench-${name}-`));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the temp dir.
  await chmod(dir, 0o755);
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", removeDir);
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "bench", fast: false });
  await applyMigrations(server.url);
  const clients: pg.Client[] = [];
  return {
    url: server.url,
    dir,
    connect: async () => {
      const client = new pg.Client({ connectionString: server.url, application_name: `bench-${name}` });
      await client.connect();
      clients.push(client);
      return client;
    },
    stop: async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The seed's wards (Kathmandu in Latin and Devanagari, Hyderabad in Latin and Telugu); returns every spelling. */
export async function insertSeedWards(client: pg.Client): Promise<string[]> {
  await client.query(
    `INSERT INTO "Ward" ("id", "code", "number", "name", "localName", "localLang", "municipality", "district", "province", "country", "aliases", "updatedAt")
     SELECT gen_random_uuid(), w.code, w.number, w.name, w.local_name, w.local_lang, w.municipality, w.district, w.province, w.country,
            ARRAY(SELECT jsonb_array_elements_text(w.aliases)), now()
     FROM jsonb_to_recordset($1::jsonb) AS w(code text, number int, name text, local_name text, local_lang text, municipality text,
                                             district text, province text, country text, aliases jsonb)`,
    [JSON.stringify(seedWards.map((w) => ({ ...w, local_name: w.localName, local_lang: w.localLang })))],
  );
  return seedWards.flatMap((w) => [w.name, w.localName, ...w.aliases]);
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
export const fmt = (n: number) => numberFormat.format(n);
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** 1-, 5- and 15-minute load averages: other work on the machine skews every figure, so each report states it. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(" ");
}

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a process so far (0 once it is gone). */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
