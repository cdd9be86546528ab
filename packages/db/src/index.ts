export { createDb, getDb } from "./client";
export type { Db, Tx } from "./client";
export { findRepoRoot, dataDir } from "./paths";
export { hashPassword, verifyPassword, hashApiToken } from "./password";
export { readWorkerHeartbeat } from "./heartbeat";
export type { WorkerHeartbeatStatus } from "./heartbeat";
export * from "./generated/prisma/client";
