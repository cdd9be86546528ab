import { getDb } from "@sunuwai/db";
import { defineTask, enqueue } from "@sunuwai/jobs";
import { rotateKeys } from "../pii/rotate";
import { getPiiVault } from "../pii/vault";

/** Batches per job: each job does a bounded slice and hands the cursor on, so no job runs for long. */
const BATCHES_PER_JOB = 20;

/**
 * Re-encrypts complainants under `keyId` a slice at a time, then queues the next slice. Safe to run twice or to
 * die half-way: rotated rows are not selected again, and the next job (or a retry) continues from the cursor.
 */
export const rotateKeysTask = defineTask("keys.rotate", async (payload, helpers) => {
  const vault = getPiiVault();
  if (vault.currentKeyId !== payload.keyId) {
    // Thrown so graphile-worker retries: this worker has not been restarted with the new key ring yet.
    throw new Error(
      `This worker's current PII key is "${vault.currentKeyId}", not "${payload.keyId}"; restart it with the new PII_ENCRYPTION_KEYS`,
    );
  }
  const db = getDb();
  const result = await rotateKeys(db, {
    vault,
    afterId: payload.afterId,
    maxBatches: BATCHES_PER_JOB,
  });
  helpers.logger.info(
    `keys.rotate: ${result.rotated} complainant(s) moved to key ${result.keyId}; ${result.remaining} left on older keys`,
  );
  if (!result.done && result.rotated === 0) {
    throw new Error(
      `${result.remaining} complainant(s) on older keys are locked by other transactions; retrying later`,
    );
  }
  if (!result.done) {
    await enqueue(
      db,
      "keys.rotate",
      { keyId: payload.keyId, ...(result.lastId ? { afterId: result.lastId } : {}) },
      { jobKey: "keys.rotate" },
    );
  }
});
