import path from "node:path";
import { env } from "../env";
import { dataDir } from "../paths";
import { startEmbeddedPostgres } from "../embedded";

/** The port `pnpm start` prefers for the embedded cluster, so both find it at the same place. */
const EMBEDDED_PORT = 5433;

export interface MigrationDatabase {
  url: string;
  /** Where it is, for messages (never the password). */
  description: string;
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>;
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
}

/** DATABASE_URL when set; otherwise the embedded cluster under DATA_DIR (joined when already running). */
export async function openMigrationDatabase(): Promise<MigrationDatabase> {
  if (env.DATABASE_URL) {
    return {
      url: env.DATABASE_URL,
      description: `DATABASE_URL (${describeUrl(env.DATABASE_URL)})`,
      close: () => Promise.resolve(),
    };
  }
  const dir = path.join(dataDir(), "postgres");
  const postgres = await startEmbeddedPostgres({ dir, database: "sunuwai", port: EMBEDDED_PORT });
  return {
    url: postgres.url,
    description: `the embedded database (${describeUrl(postgres.url)}, data in ${dir})`,
    close: () => postgres.stop(),
  };
}
