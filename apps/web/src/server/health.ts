import { getDb, readWorkerHeartbeat } from "@sunuwai/db";
import packageJson from "../../package.json";

/** The body of /api/health, field for field the shape the original service answered with. */
export type HealthReport =
  | {
      status: "healthy";
      timestamp: string;
      database: "connected";
      worker: "running" | "stopped";
      version: string;
    }
  | {
      status: "unhealthy";
      timestamp: string;
      database: "unreachable";
      worker: "unknown";
      version: string;
    };

// A dead or overloaded database must not hang the probe that is meant to report it.
const DATABASE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probeDatabase() {
  const db = getDb();
  await db.$queryRaw`SELECT 1`;
  return readWorkerHeartbeat(db);
}

export async function checkHealth(): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  const timestamp = new Date().toISOString();
  const version = packageJson.version;
  try {
    const worker = await withTimeout(probeDatabase(), DATABASE_TIMEOUT_MS);
    return {
      httpStatus: 200,
      report: {
        status: "healthy",
        timestamp,
        database: "connected",
        worker: worker.status,
        version,
      },
    };
  } catch (error) {
    console.error(
      `[health] database unreachable: ${error instanceof Error ? error.message : String(error)}`,
    );
    return {
      httpStatus: 503,
      report: {
        status: "unhealthy",
        timestamp,
        database: "unreachable",
        worker: "unknown",
        version,
      },
    };
  }
}
