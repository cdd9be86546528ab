import { getDb } from "@sunuwai/db";
import { rotateKeys } from "../pii/rotate";
import { getPiiVault } from "../pii/vault";

/** `pnpm keys:rotate [--batch-size N]`: re-encrypts every complainant under the current PII key. Ctrl-C stops after the batch in flight. */
async function main(): Promise<void> {
  const sizeFlag = process.argv.indexOf("--batch-size");
  const batchSize = sizeFlag === -1 ? 500 : Number(process.argv[sizeFlag + 1]);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error("--batch-size must be a positive integer");
  const vault = getPiiVault();
  const controller = new AbortController();
  process.once("SIGINT", () => {
    console.log("Stopping after the current batch; run `pnpm keys:rotate` again to finish.");
    controller.abort();
  });
  console.log(
    `Re-encrypting complainant data under key "${vault.currentKeyId}" in batches of ${batchSize}…`,
  );
  const db = getDb();
  try {
    const result = await rotateKeys(db, {
      vault,
      batchSize,
      signal: controller.signal,
      onProgress: ({ batches, rotated, total }) =>
        console.log(`  batch ${batches}: ${rotated}/${total} rows re-encrypted`),
    });
    console.log(
      `${result.aborted ? "Stopped" : "Done"}: ${result.rotated} rows re-encrypted; ${result.remaining} rows left on older keys.`,
    );
    if (result.remaining > 0) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`keys:rotate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
