// The helpdesk dashboard in a real browser against the production build: grievances filed through the chatbot API,
// live updates over SSE, the background jobs run for real (offline classifier, image processing).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Logger, runOnce } from "graphile-worker";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createAiServices, createGrievanceAiTasks, DEFAULT_CATEGORIES } from "@sunuwai/helpdesk/ai";
import { createFileTasks, LocalFileStorage } from "@sunuwai/helpdesk/files";
import { png } from "@sunuwai/helpdesk/files/samples";
import { startAppServer } from "../test/app-server";
import type { AppServer } from "../test/app-server";
import { chatbotClient } from "../test/files-client";
import { launchChromium, openPage, screenshot, signIn } from "./browser";

let app: AppServer;
let browser: Browser;
let db: Db;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-helpdesk-e2e-"));

beforeAll(async () => {
  // `next start` inherits DATA_DIR: uploads land where this file's worker run can process them.
  process.env.DATA_DIR = dataDir;
  [app, browser] = await Promise.all([startAppServer(), launchChromium()]);
  db = createDb(app.databaseUrl, { max: 2 });
}, 240_000);

afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const COMPLAINANT_NAME = "Sita Kumari Shrestha";
let phoneCounter = 0;

/** Files a grievance the way the chatbot does (API token, tRPC). */
async function fileGrievance(description: string, ward = "KMC-01") {
  phoneCounter += 1;
  const phone = `98410000${String(phoneCounter).padStart(2, "0")}`;
  const created = await chatbotClient(app.url, app.chatbotToken).grievance.create.mutate({
    complainant: { fullName: COMPLAINANT_NAME, phone, email: "sita@example.com", ward },
    description,
    language: "en",
  });
  return { ...created, phone };
}

/** One pass of the worker's real handlers over the queued jobs: the offline classifier and file processing. */
async function runBackgroundJobs() {
  await runOnce({
    connectionString: app.databaseUrl,
    taskList: {
      ...createGrievanceAiTasks({
        db: () => db,
        ai: () => createAiServices({ openai: null, categories: [...DEFAULT_CATEGORIES] }),
      }),
      ...createFileTasks({
        db: () => db,
        storage: () => new LocalFileStorage(path.join(dataDir, "files")),
        transcriber: () => null,
      }),
    },
    concurrency: 1,
    noHandleSignals: true,
    logger: new Logger(() => () => undefined),
  });
}

async function signedInPage(email: string) {
  const opened = await openPage(browser, app.url);
  opened.page.setDefaultTimeout(15_000);
  await opened.page.goto("/login");
  await signIn(opened.page, email, app.password);
  await opened.page.waitForURL((url) => url.pathname !== "/login");
  return opened;
}

const timeline = (page: Page) => page.getByRole("list", { name: "Timeline of this grievance" });
const timelineEntry = (page: Page, title: string) =>
  timeline(page).getByRole("listitem").filter({ hasText: title });

let first: Awaited<ReturnType<typeof fileGrievance>>;

describe("helpdesk dashboard in a real browser", () => {
  it("shows an officer a chatbot grievance live, and takes it from filing to resolution with notes, a reply and a logged reveal", async () => {
    const { context, page, errors } = await signedInPage("officer@sunuwai.local");
    await page.waitForURL((url) => url.pathname === "/helpdesk");
    await page.getByText("Grievances will appear here when the chatbot files them").waitFor();
    await page.locator('[data-live-status="pending"]').waitFor();

    // Filed while the page is open: the row appears without a reload.
    first = await fileGrievance(
      "The drinking water pipe in our tole burst two weeks ago and no tanker has come since.",
    );
    const queue = page.getByRole("table", { name: "Grievances" });
    const row = queue.getByRole("row").filter({ hasText: first.reference });
    await row.getByRole("link", { name: first.reference }).waitFor();
    await page.getByText("1 new grievance arrived since you opened this page.").waitFor();
    await expect(row.textContent()).resolves.toContain("Submitted·पेश गरिएको");
    await row.getByText("Pending", { exact: true }).waitFor();

    // The worker classifies it offline: the row changes in place, marked as the offline fallback.
    await runBackgroundJobs();
    await row.getByText("Offline fallback").waitFor();
    await expect(row.textContent()).resolves.toContain("Water Supply");
    await screenshot(page, "helpdesk-queue-officer");

    await row.getByRole("link", { name: first.reference }).click();
    await page.waitForURL((url) => url.pathname === `/helpdesk/${first.reference}`);
    await page.getByRole("heading", { level: 1, name: first.reference }).waitFor();
    await timelineEntry(page, "Grievance filed").waitFor();
    await expect(timelineEntry(page, "Assigned").first().textContent()).resolves.toContain(
      "Routed to the ward's officer with the least open work.",
    );
    await timelineEntry(page, "Classified").waitFor();
    await page.getByText("Untranslated (offline fallback)", { exact: false }).waitFor();

    // An internal note and a public reply, each marked for what it is.
    await page
      .getByLabel("Note", { exact: true })
      .fill("Called the ward office; a plumber is booked.");
    await page.getByRole("button", { name: "Add internal note" }).click();
    const note = timelineEntry(page, "Called the ward office; a plumber is booked.");
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain("Internal");
    await page.getByRole("radio", { name: /Public reply/ }).check();
    await page
      .getByLabel("Reply to the complainant", { exact: true })
      .fill("A plumber will visit your tole tomorrow morning.");
    await page.getByRole("button", { name: "Send public reply" }).click();
    const reply = timelineEntry(page, "A plumber will visit your tole tomorrow morning.");
    await reply.waitFor();
    await expect(reply.textContent()).resolves.toContain("Shown to complainant");

    // Only legal next statuses are offered: a submitted grievance cannot be resolved before evaluation.
    await page.getByRole("tab", { name: "Change status" }).click();
    const newStatus = page.getByLabel("New status");
    const offered = async () =>
      (
        await newStatus
          .locator("option")
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
      ).filter(Boolean);
    await expect(offered()).resolves.toEqual(["UNDER_EVALUATION", "ESCALATED"]);
    await newStatus.selectOption("UNDER_EVALUATION");
    await page.getByLabel("Reason", { exact: true }).fill("Site visit booked with the plumber.");
    await page.getByRole("button", { name: "Change status" }).click();
    const status = page.getByTestId("grievance-status");
    await status.getByText("Under evaluation").waitFor();
    await expect(offered()).resolves.toEqual(["ESCALATED", "RESOLVED", "DENIED"]);
    await newStatus.selectOption("RESOLVED");
    await page.getByLabel("Reason", { exact: true }).fill("Pipe repaired; water flows again.");
    await page.getByRole("button", { name: "Change status" }).click();
    await status.getByText("Resolved").waitFor();
    await expect(status.textContent()).resolves.toContain("समाधान भएको");
    await expect(offered()).resolves.toEqual(["CLOSED"]);
    await expect(timelineEntry(page, "Status changed").last().textContent()).resolves.toContain(
      "Under evaluation → Resolved",
    );

    // Revealing personal data needs a reason, and the timeline records the reveal without the values.
    const details = page.getByTestId("complainant-details");
    await expect(details.textContent()).resolves.not.toContain(COMPLAINANT_NAME);
    await page.getByRole("button", { name: "Reveal personal data" }).click();
    const dialog = page.getByRole("dialog", { name: "Reveal the complainant's personal data" });
    await dialog.getByLabel("Why do you need it?").fill("abc");
    await dialog.getByRole("button", { name: "Reveal", exact: true }).click();
    await dialog.getByText("Give a reason of at least 5 characters.").waitFor();
    await expect(details.textContent()).resolves.not.toContain(COMPLAINANT_NAME);
    await dialog.getByLabel("Why do you need it?").fill("Calling to confirm the repair");
    await dialog.getByRole("button", { name: "Reveal", exact: true }).click();
    await details.getByText(COMPLAINANT_NAME).waitFor();
    await page.getByText("Shown in full. This reveal was logged in the timeline.").waitFor();
    const reveal = timelineEntry(page, "Personal data revealed");
    await reveal.waitFor();
    const revealText = (await reveal.textContent()) ?? "";
    expect(revealText).toContain("Reason: Calling to confirm the repair");
    expect(revealText).toContain("Fields shown: Name, Phone, Email, Address");
    expect(revealText).not.toContain(COMPLAINANT_NAME);
    expect(revealText).not.toContain(first.phone.slice(-6));
    expect((await timeline(page).textContent()) ?? "").not.toContain(first.phone.slice(-6));

    // An image uploaded with progress, then processed by the worker: its thumbnail appears.
    await page.getByText("Allowed: JPEG or PNG, at most 5 MB.").waitFor();
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "burst-pipe.png",
      mimeType: "image/png",
      buffer: await png(),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByText("burst-pipe.png uploaded. It is being processed now.").waitFor();
    const attachments = page.getByRole("list", { name: "Files attached to this grievance" });
    await attachments.getByText("Processing…").waitFor();
    await runBackgroundJobs();
    const thumbnail = attachments.getByRole("img", { name: "Preview of burst-pipe.png" });
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await screenshot(page, "helpdesk-detail-officer");

    // The same page in Nepali.
    await page.getByRole("button", { name: "नेपाली" }).click();
    await page.getByRole("heading", { name: "समयरेखा" }).waitFor();
    await expect(status.textContent()).resolves.toMatch(/^समाधान भएको/);
    // Times in Devanagari digits, whether or not the browser ships Nepali locale data.
    const nepaliTimeline = page.getByRole("list", { name: "यस गुनासोको समयरेखा" });
    const nepaliReveal = nepaliTimeline.getByRole("listitem").filter({ hasText: "व्यक्तिगत विवरण हेरियो" });
    await expect(nepaliReveal.textContent()).resolves.toMatch(
      /[०-९]{2}:[०-९]{2}/,
    );
    await screenshot(page, "helpdesk-detail-nepali");
    await page.getByRole("button", { name: "English" }).click();

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("lets a supervisor change the status of two grievances at once, and read the SLA report", async () => {
    const second = await fileGrievance(
      "Street light near the Bhimsen temple has been broken for a month.",
      "KMC-02",
    );
    const third = await fileGrievance(
      "Garbage has not been collected from our tole since the festival.",
      "KMC-03",
    );
    const { context, page, errors } = await signedInPage("supervisor@sunuwai.local");
    await page.goto("/helpdesk?status=SUBMITTED");
    const queue = page.getByRole("table", { name: "Grievances" });
    for (const grievance of [second, third]) {
      await queue.getByRole("link", { name: grievance.reference }).waitFor();
      await queue.getByRole("checkbox", { name: `Select ${grievance.reference}` }).check();
    }
    await page.getByText("2 selected").waitFor();
    await page.getByRole("button", { name: "Change status…" }).click();
    const dialog = page.getByRole("dialog", { name: "Change the status of 2 grievances" });
    await dialog.getByLabel("New status").selectOption("UNDER_EVALUATION");
    await dialog.getByLabel("Reason", { exact: true }).fill("Ward engineers assigned to both.");
    await screenshot(page, "helpdesk-bulk-dialog");
    await dialog.getByRole("button", { name: "Change 2 grievances" }).click();
    await dialog.getByText("2 grievances changed").waitFor();
    await dialog.getByRole("button", { name: "Done" }).click();
    // Both left the "Submitted" view, and appear under "Under evaluation".
    await expect.poll(() => queue.getByRole("link", { name: second.reference }).count()).toBe(0);
    await page.goto("/helpdesk?status=UNDER_EVALUATION");
    for (const grievance of [second, third]) {
      const row = queue.getByRole("row").filter({ hasText: grievance.reference });
      await row.getByText("Under evaluation").waitFor();
    }
    await screenshot(page, "helpdesk-queue-supervisor");

    await page.goto("/helpdesk/reports");
    const byOfficer = page.getByRole("table", { name: "Per officer" });
    const officerRow = byOfficer
      .getByRole("row")
      .filter({ hasText: "Ward Officer (Kathmandu 1–16, Hyderabad)" });
    await officerRow.waitFor();
    // Three grievances routed to the officer: the first resolved, two open.
    await expect(officerRow.getByRole("cell").allTextContents()).resolves.toEqual([
      "Ward Officer (Kathmandu 1–16, Hyderabad)",
      "2",
      "0",
      "1",
      "100%",
      "under 1 h",
    ]);
    await page
      .getByTestId("sla-chart-wards")
      .locator(".recharts-bar-rectangle path")
      .first()
      .waitFor();
    await screenshot(page, "helpdesk-sla-report");
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("answers an officer of another jurisdiction with the not-found page for the first grievance", async () => {
    const { context, page } = await signedInPage("officer2@sunuwai.local");
    const response = await page.goto(`/helpdesk/${first.reference}`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Grievance not found" }).waitFor();
    await expect(page.getByText(COMPLAINANT_NAME).count()).resolves.toBe(0);
    await expect(page.getByText(first.reference).count()).resolves.toBe(0);
    await screenshot(page, "helpdesk-not-found");
    await context.close();
  }, 60_000);
});
