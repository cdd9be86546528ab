// The dashboard with UPLOADTHING_TOKEN set: the real UploadThing browser client, the FileRouter under
// `next start`, and UploadThing itself played by a stand-in on 127.0.0.1 (presigned PUTs, route metadata, the
// signed callback, the file API). Files the checks accept end up in UploadThing under our random key; refused
// ones leave nothing anywhere, and the browser's own copy is deleted either way.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Logger, runOnce } from "graphile-worker";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createFileStorage, createFileTasks } from "@sunuwai/helpdesk/files";
import { FakeUploadThing } from "@sunuwai/helpdesk/files/fake-uploadthing";
import { png, svgNamedJpg } from "@sunuwai/helpdesk/files/samples";
import { startAppServer } from "../test/app-server";
import type { AppServer } from "../test/app-server";
import { chatbotClient } from "../test/files-client";
import { launchChromium, openPage, signIn } from "./browser";

let app: AppServer;
let browser: Browser;
let db: Db;
const uploadThing = new FakeUploadThing();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sunuwai-uploadthing-e2e-"));

beforeAll(async () => {
  await uploadThing.start();
  // `next start` inherits these: UploadThing on, pointed at the stand-in.
  Object.assign(process.env, uploadThing.env, { DATA_DIR: dataDir });
  [app, browser] = await Promise.all([startAppServer(), launchChromium()]);
  db = createDb(app.databaseUrl, { max: 2 });
}, 240_000);

afterAll(async () => {
  for (const name of Object.keys(uploadThing.env)) delete process.env[name];
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
  await uploadThing.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Files left on the local disk: none, since UploadThing holds the files (staging copies are removed). */
function localFiles(): string[] {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

async function grievancePage() {
  const created = await chatbotClient(app.url, app.chatbotToken).grievance.create.mutate({
    complainant: { fullName: "Sita Kumari Shrestha", phone: "9841000077", ward: "KMC-01" },
    description: "The culvert on the ring road collapsed after the rain; photo attached.",
    language: "en",
  });
  const opened = await openPage(browser, app.url);
  opened.page.setDefaultTimeout(20_000);
  await opened.page.goto("/login");
  await signIn(opened.page, "officer@sunuwai.local", app.password);
  await opened.page.waitForURL((url) => url.pathname !== "/login");
  await opened.page.goto(`/helpdesk/${created.reference}`);
  await opened.page.getByText("Allowed: JPEG or PNG, at most 5 MB.").waitFor();
  return { ...opened, grievanceId: created.id };
}

describe("dashboard uploads through UploadThing when UPLOADTHING_TOKEN is set", () => {
  it("sends the photo through the FileRouter, keeps it in UploadThing under a random key, and serves it processed", async () => {
    const { page, context, errors, grievanceId } = await grievancePage();
    expect((await page.request.get(page.url())).headers()["content-security-policy"]).toContain(
      `connect-src 'self' ${uploadThing.origin}`,
    );
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "culvert.png",
      mimeType: "image/png",
      buffer: await png(800, 600),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByText("culvert.png uploaded. It is being processed now.").waitFor();

    // It went through UploadThing's protocol, not POST /api/files.
    expect(uploadThing.requests).toEqual(
      expect.arrayContaining(["POST /route-metadata", "POST /callback-result"]),
    );
    const attachment = await db.attachment.findFirstOrThrow({ where: { grievanceId } });
    expect(attachment).toMatchObject({
      originalName: "culvert.png",
      mimeType: "image/png",
      status: "PENDING",
    });
    // Stored under our random key (never the client's name); the browser's copy was deleted.
    const stored = uploadThing.findByCustomId(attachment.storageKey);
    expect(stored?.bytes.length).toBe(attachment.sizeBytes);
    expect(uploadThing.deleted).toHaveLength(1);
    expect([...uploadThing.objects.values()].map((o) => o.customId)).toEqual([
      attachment.storageKey,
    ]);
    expect(localFiles()).toEqual([]);

    // The worker processes it from UploadThing, and the dashboard shows its thumbnail from there.
    const storage = createFileStorage({ dataDir, uploadThing: uploadThing.config });
    await runOnce({
      connectionString: app.databaseUrl,
      taskList: createFileTasks({ db: () => db, storage: () => storage, transcriber: () => null }),
      concurrency: 1,
      noHandleSignals: true,
      logger: new Logger(() => () => undefined),
    });
    const processed = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(processed.status).toBe("PROCESSED");
    // The processed (metadata-stripped) version is stored in UploadThing too, under its own random key.
    expect(processed.processedKey).toMatch(/\S/);
    const processedObject = uploadThing.findByCustomId(processed.processedKey ?? "");
    expect(processedObject?.customId).toBe(processed.processedKey);
    expect(processedObject?.bytes.length).toBeGreaterThan(0);
    const thumbnail = page
      .getByRole("list", { name: "Files attached to this grievance" })
      .getByRole("img", { name: "Preview of culvert.png" });
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    const download = await context.request.get(`/api/v1/files/${attachment.id}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain(
      'attachment; filename="culvert.png"',
    );
    expect((await sharp(await download.body()).metadata()).format).toBe("png");
    expect(localFiles()).toEqual([]);

    // Nothing was blocked on the way (the pages' CSP allows the ingest server) and the upload raised nothing.
    expect(errors.filter((error) => /content security|refused|upload/i.test(error))).toEqual([]);
    await context.close();
  }, 120_000);

  it("refuses an SVG named photo.jpg with the rule it broke, and leaves nothing in UploadThing or the database", async () => {
    const { page, context, grievanceId } = await grievancePage();
    const objectsBefore = uploadThing.objects.size;
    const deletedBefore = uploadThing.deleted.length;
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: svgNamedJpg(),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /content is application\/xml.*An image must be JPEG or PNG/ })
      .waitFor();
    expect(await db.attachment.count({ where: { grievanceId } })).toBe(0);
    expect(await db.grievanceEvent.count({ where: { grievanceId, type: "FILE_ADDED" } })).toBe(0);
    // The browser's copy reached UploadThing and was deleted again; nothing new is stored.
    expect(uploadThing.deleted.length).toBe(deletedBefore + 1);
    expect(uploadThing.objects.size).toBe(objectsBefore);
    expect(localFiles()).toEqual([]);
    await context.close();
  }, 120_000);
});
