// `pnpm intel:form20 <csv> [--election <name>]`: load Form 20 booth results.
import { parseArgs } from "node:util";
import { loadForm20 } from "../form20/load";
import { argPath, fmt, openCliDatabase, runCli } from "./database";

const USAGE = `usage: pnpm intel:form20 <results.csv> [--election <name>]
  columns: ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected (electors, ps_name optional)
  --election  name of the election (default: the file name without extension)`;

await runCli("form20", async () => {
  const { values, positionals } = parseArgs({ options: { election: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const database = await openCliDatabase();
  try {
    const result = await loadForm20(database.db, { path: argPath(file), ...(values.election ? { election: values.election } : {}) });
    console.log(
      `form20: ${result.election}: ${fmt(result.rowsRead)} rows read, ${fmt(result.rowsLoaded)} loaded, ${fmt(result.rejectedCount)} rejected; ` +
        `${fmt(result.pollingStations)} polling stations; wards ${result.wards.join(", ") || "none"}`,
    );
    if (result.unmatchedWardRows > 0) console.log(`  ${fmt(result.unmatchedWardRows)} rows name no known ward: stored, but in no ward's figures`);
    for (const r of result.rejected.slice(0, 50)) console.log(`  row ${r.row}: ${r.reason}`);
    if (result.rejectedCount > 50) console.log(`  … ${fmt(result.rejectedCount - 50)} more rejected rows`);
    if (result.predictionsScored > 0) console.log(`  scored ${result.predictionsScored} open prediction(s) for ${result.election}`);
    return result.rejectedCount > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
});
