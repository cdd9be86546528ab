import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@sunuwai/db";
import { createIntelTasks } from "@sunuwai/intel/tasks";
import { Logger, runTaskListOnce } from "graphile-worker";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../test/app-server";
import type { AppServer } from "../test/app-server";
import {
  FIXTURE_ARTICLES,
  WATCHED_KEYWORD,
  daysAgo,
  loadIntelFixture,
} from "../test/intel-fixture";
import { launchChromium, openPage, screenshot, signIn } from "./browser";

let app: AppServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-intel-e2e-"));
/** The app's own DATA_DIR, so the admin's inbox is this test's. */
const dataDir = path.join(dir, "data");
const inbox = path.join(dataDir, "epaper", "inbox");

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({ env: { DATA_DIR: dataDir } }),
    launchChromium(),
  ]);
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
    // The first sign-in of a fresh server compiles its routes: allow it more than a click's time.
    await page.waitForURL((url) => url.pathname === "/intel", { timeout: 30_000 });

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

    await page.getByText("How this was computed").waitFor();
    await page.getByRole("table", { name: "Election results (Form 20): KMC-2022" }).waitFor();
    await screenshot(page, "intel-ward-full");
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("lets an admin ingest an inbox file and watch its run's counts fill in without reloading", async () => {
    mkdirSync(inbox, { recursive: true });
    // The fixture's articles again (all duplicates now), one new article and a truncated line.
    const lines = [
      ...FIXTURE_ARTICLES.map((a) => JSON.stringify(a)),
      JSON.stringify({ ...FIXTURE_ARTICLES[0], title: "नयाँ पुल खुल्यो", body: "वडा १ मा नयाँ पुल।" }),
      '{"publication_name": "Kantipur", "title": "cut off',
    ];
    writeFileSync(path.join(inbox, "morning.jsonl"), lines.join("\n") + "\n");

    const { context, page, errors } = await openPage(browser, app.url);
    page.setDefaultTimeout(10_000);
    await page.goto("/login");
    await signIn(page, "admin@sunuwai.local", app.password);
    await page.waitForURL((url) => url.pathname !== "/login", { timeout: 30_000 });
    await page.goto("/admin/ingest");
    await expect(page.getByRole("combobox", { name: "File" }).inputValue()).resolves.toBe(
      "morning.jsonl",
    );
    await page.getByRole("button", { name: "Ingest", exact: true }).click();
    await page
      .getByText("morning.jsonl is queued; the run below updates as the worker goes.")
      .waitFor();
    const runs = page.getByRole("table", { name: "Runs" });
    const row = runs.getByRole("row").filter({ hasText: "morning.jsonl" });
    await row.getByText("Running").waitFor();
    await screenshot(page, "intel-ingest-running");

    // The worker's handler takes the queued job; the page picks up the counts by itself.
    const db = createDb(app.databaseUrl, { max: 2 });
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      const tasks = createIntelTasks({ db: () => db, inbox: () => inbox });
      const quiet = new Logger(() => () => undefined);
      await runTaskListOnce(
        { noHandleSignals: true, logger: quiet },
        tasks,
        client as unknown as pg.PoolClient,
      ).promise;
    } finally {
      await client.end();
      await db.$disconnect();
    }
    await row.getByText("Partly ingested").waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    // File, status, lines, inserted, duplicates, near-duplicates, invalid.
    expect(cells.slice(2, 7)).toEqual([
      String(lines.length),
      "1",
      String(FIXTURE_ARTICLES.length),
      "0",
      "Bad lines (1)",
    ]);
    await row.getByRole("button", { name: "Bad lines (1)" }).click();
    await page
      .getByRole("table", { name: "Bad lines (1): morning.jsonl" })
      .getByText(String(lines.length))
      .waitFor();
    // The file left the inbox, and the form says so instead of offering it again.
    await page.getByText("The inbox is empty.").waitFor();
    await screenshot(page, "intel-ingest-done");
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
      // The 403 page streams in after the status line: wait for it rather than reading it at once.
      await page.getByText("You do not have access to Ward intelligence.").waitFor();
    }
    await context.close();
  });
});
