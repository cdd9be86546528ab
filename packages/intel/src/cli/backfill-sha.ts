// `pnpm intel:backfill-sha`: give every epaper its canonical sha256 (legacy rows carry other hashes).
import { backfillSha } from "../backfill/backfill-sha";
import { fmt, openCliDatabase, runCli } from "./database";

await runCli("backfill-sha", async () => {
  const database = await openCliDatabase();
  try {
    const result = await backfillSha(database.db, { onBatch: (r) => console.log(`backfill-sha: scanned ${fmt(r.scanned)} …`) });
    console.log(
      `backfill-sha: scanned ${fmt(result.scanned)}, updated ${fmt(result.updated)}, skipped ${fmt(result.skipped)} (hash already belongs to another epaper), unchanged ${fmt(result.unchanged)}`,
    );
    return 0;
  } finally {
    await database.close();
  }
});
