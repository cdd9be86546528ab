import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../test/app-server";
import type { AppServer } from "../test/app-server";
import { WATCHED_KEYWORD, daysAgo, loadIntelFixture } from "../test/intel-fixture";
import { launchChromium, openPage, screenshot, signIn } from "./browser";

let app: AppServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-intel-e2e-"));

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchChromium()]);
  await loadIntelFixture(app.databaseUrl, dir);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("ward intelligence in a real browser", () => {
  it("lets an analyst pick a ward, read its pulse charts and the articles behind a figure, and acknowledge an alert", async () => {
    const { context, page, errors } = await openPage(browser, app.url);
    page.setDefaultTimeout(10_000);
    await page.goto("/login");
    await signIn(page, "analyst@sunuwai.local", app.password);
    await page.waitForURL((url) => url.pathname === "/intel");

    await page.getByLabel("Find a ward").fill("KMC-01");
    await page
      .getByRole("option")
      .filter({ hasText: "Kathmandu Ward 1" })
      .getByRole("link")
      .click();
    await page.waitForURL((url) => url.pathname === "/intel/KMC-01");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "काठमाडौं वडा नं. १",
    );

    // Both charts draw the week's data: bars for the days with articles, a sentiment line.
    const volume = page.getByTestId("volume-chart");
    await volume.locator(".recharts-bar-rectangle path").first().waitFor();
    expect(await volume.locator(".recharts-bar-rectangle path").count()).toBeGreaterThanOrEqual(4);
    await page.getByTestId("sentiment-chart").locator(".recharts-line-curve").waitFor();
    await page.getByTestId("party-chart").locator(".recharts-bar-rectangle path").first().waitFor();

    // A figure expands into the articles behind it, in their own script.
    await page.getByRole("button", { name: /^water/ }).click();
    const evidence = page.getByRole("list", {
      name: "Articles behind the figure: water",
      exact: true,
    });
    await evidence.getByText("खानेपानी ट्यांकर आउन छाड्यो").waitFor();
    await expect(evidence.getByRole("listitem").count()).resolves.toBe(2);
    // The figure rests on two articles: its warning is shown with them.
    await page.getByText('Topic "water" rests on 2 articles', { exact: true }).waitFor();
    await screenshot(page, "intel-ward-pulse");

    const alerts = page.getByRole("list", { name: "Alerts", exact: true });
    const alert = alerts
      .getByRole("listitem")
      .filter({ hasText: `2 articles on ${daysAgo(1)} mention "${WATCHED_KEYWORD}"` });
    await alert.first().waitFor();
    await alert.getByRole("button", { name: "Evidence (2)" }).click();
    await alert.getByText("वडा १ मा खानेपानी अभाव, नेपाली कांग्रेसको विरोध").waitFor();
    await alert.getByRole("button", { name: "Acknowledge" }).click();
    await alert.getByText(/^Acknowledged /).waitFor();

    await expect(page.getByText("How this was computed").isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole("table", { name: "Election results (Form 20): KMC-2022" }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, "intel-ward-full");
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("answers 403 when a helpdesk officer opens /intel", async () => {
    const { context, page } = await openPage(browser, app.url);
    page.setDefaultTimeout(10_000);
    await page.goto("/login");
    await signIn(page, "officer@sunuwai.local", app.password);
    await page.waitForURL((url) => url.pathname === "/helpdesk");
    for (const route of ["/intel", "/intel/KMC-01"]) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(403);
      await expect(
        page.getByText("You do not have access to Ward intelligence.").isVisible(),
      ).resolves.toBe(true);
    }
    await context.close();
  });
});
