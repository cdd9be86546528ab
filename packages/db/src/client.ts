import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;
/** A Prisma interactive-transaction client. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? env.DATABASE_POOL_MAX });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { sunuwaiDb?: PrismaClient };

/** The process-wide client for DATABASE_URL (one per process, survives Next.js hot reloads). */
export function getDb(): PrismaClient {
  if (!globalForDb.sunuwaiDb) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set. Run through `pnpm start`/`pnpm dev`, or set DATABASE_URL.");
    }
    globalForDb.sunuwaiDb = createDb(env.DATABASE_URL);
  }
  return globalForDb.sunuwaiDb;
}
