import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "../test/app-server";
import { loadIntelFixture } from "../test/intel-fixture";
import { launchChromium, openPage, signIn } from "./browser";

const app = await startAppServer();
const browser = await launchChromium();
try {
  await loadIntelFixture(app.databaseUrl, mkdtempSync(path.join(os.tmpdir(), "dbg-")));
  const { page, errors } = await openPage(browser, app.url);
  page.setDefaultTimeout(15_000);
  await page.goto("/login");
  await signIn(page, "analyst@sunuwai.local", app.password);
  try {
    await page.waitForURL((url) => url.pathname === "/intel");
  } catch (e) { console.log("no /intel", page.url()); }
  await page.screenshot({ path: "/tmp/intel-shots/dbg-1.png", fullPage: true });
  await page.goto("/intel/KMC-01");
  await page.waitForTimeout(3000);
  await page.screenshot({ path: "/tmp/intel-shots/dbg-2.png", fullPage: true });
  console.log("errors", errors);
} finally {
  await browser.close();
  await app.stop();
}
