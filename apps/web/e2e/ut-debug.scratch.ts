import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FakeUploadThing } from "@sunuwai/helpdesk/files/fake-uploadthing";
import { png } from "@sunuwai/helpdesk/files/samples";
import { startAppServer } from "../test/app-server";
import { chatbotClient } from "../test/files-client";
import { launchChromium, openPage, signIn } from "./browser";

const ut = new FakeUploadThing();
await ut.start();
Object.assign(process.env, ut.env, { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "utdbg-")) });
const [app, browser] = await Promise.all([startAppServer(), launchChromium()]);
try {
  const created = await chatbotClient(app.url, app.chatbotToken).grievance.create.mutate({
    complainant: { fullName: "Sita", phone: "9841000077", ward: "KMC-01" },
    description: "The culvert on the ring road collapsed after the rain; photo attached.",
    language: "en",
  });
  const { page, errors } = await openPage(browser, app.url);
  page.on("console", (m) => console.log("console:", m.type(), m.text()));
  page.on("request", (r) => { if (!r.url().includes("_next")) console.log("req", r.method(), r.url().slice(0, 120)); });
  page.on("response", (r) => { if (!r.url().includes("_next")) console.log("res", r.status(), r.url().slice(0, 120)); });
  await page.goto("/login");
  await signIn(page, "officer@sunuwai.local", app.password);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto(`/helpdesk/${created.reference}`);
  await page.getByText("Allowed: JPEG or PNG, at most 5 MB.").waitFor();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "culvert.png", mimeType: "image/png", buffer: await png(800, 600) });
  await page.getByRole("button", { name: "Upload" }).click();
  await new Promise((r) => setTimeout(r, 8000));
  console.log("alerts:", await page.getByRole("alert").allTextContents());
  console.log("status:", await page.getByRole("status").allTextContents());
  console.log("fake:", ut.requests);
  console.log("errors:", errors);
  console.log("app output:", app.output().slice(-3000));
} finally {
  await browser.close();
  await app.stop();
  await ut.stop();
}
