// `pnpm intel:backfill-post-links`: link legacy posts to their epapers.
import { backfillPostLinks } from "../backfill/backfill-post-links";
import { fmt, openCliDatabase, runCli } from "./database";

await runCli("backfill-post-links", async () => {
  const database = await openCliDatabase();
  try {
    const result = await backfillPostLinks(database.db, { onBatch: (r) => console.log(`backfill-post-links: scanned ${fmt(r.scanned)} …`) });
    console.log(
      `backfill-post-links: scanned ${fmt(result.scanned)}, linked ${fmt(result.linked)}, skipped ${fmt(result.skipped)} (epaper already has a post), unmatched ${fmt(result.unmatched)}`,
    );
    return 0;
  } finally {
    await database.close();
  }
});
