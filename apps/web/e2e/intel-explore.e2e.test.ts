import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "../test/app-server";
import type { AppServer } from "../test/app-server";
import { loadIntelFixture } from "../test/intel-fixture";
import { launchChromium, openPage, screenshot, signIn } from "./browser";

let app: AppServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-intel-explore-"));

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchChromium()]);
  await loadIntelFixture(app.databaseUrl, dir);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("explore", () => {
  it("analyst pages", async () => {
    const { context, page, errors } = await openPage(browser, app.url);
    page.setDefaultTimeout(10_000);
    await page.goto("/login");
    await signIn(page, "analyst@sunuwai.local", app.password);
    await page.waitForURL((url) => url.pathname === "/intel");
    await page.waitForTimeout(1500);
    await screenshot(page, "01-intel-home");
    for (const [name, url] of [["02-kmc01", "/intel/KMC-01"], ["03-kmc02-empty", "/intel/KMC-02"], ["04-unknown", "/intel/NOPE-9"], ["05-kmc01-365", "/intel/KMC-01?days=365"], ["06-ward001", "/intel/WARD_001"], ["07-bad-days", "/intel/KMC-01?days=abc"]] as const) {
      const r = await page.goto(url);
      await page.waitForTimeout(2000);
      console.log(name, r?.status());
      await screenshot(page, name);
    }
    await page.goto("/intel/KMC-02");
    await page.waitForTimeout(1000);
    const predict = page.getByRole("button", { name: /predict/i });
    console.log("predict buttons", await predict.count());
    if (await predict.count()) { await predict.first().click(); await page.waitForTimeout(1500); }
    await screenshot(page, "08-kmc02-predict");
    await page.goto("/intel/KMC-01");
    const pred = page.getByRole("button", { name: /predict/i });
    if (await pred.count()) { await pred.first().click(); await page.waitForTimeout(2000); }
    await screenshot(page, "09-kmc01-predicted");
    const kw = page.getByLabel(/keywords/i);
    if (await kw.count()) { await kw.first().fill(""); await page.getByRole("button", { name: /save|add|create/i }).first().click(); await page.waitForTimeout(1000); }
    await screenshot(page, "10-kmc01-empty-keyword");
    console.log("ERRORS", JSON.stringify(errors));
    await context.close();
  }, 180_000);

  it("admin pages", async () => {
    const { context, page, errors } = await openPage(browser, app.url);
    page.setDefaultTimeout(10_000);
    await page.goto("/login");
    await signIn(page, "admin@sunuwai.local", app.password);
    await page.waitForTimeout(2000);
    console.log("admin landed", page.url());
    const r = await page.goto("/admin/ingest");
    console.log("admin ingest", r?.status());
    await page.waitForTimeout(2000);
    await screenshot(page, "11-admin-ingest");
    const r2 = await page.goto("/intel");
    console.log("admin intel", r2?.status());
    await page.waitForTimeout(1500);
    await screenshot(page, "12-admin-intel");
    console.log("ERRORS", JSON.stringify(errors));
    await context.close();
  }, 120_000);
});
