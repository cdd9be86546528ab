import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../test/app-server";
import type { AppServer } from "../test/app-server";
import { launchChromium, openPage, screenshot, signIn } from "./browser";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedInPage(email: string) {
  const opened = await openPage(browser, app.url);
  await opened.page.goto("/login");
  await signIn(opened.page, email, app.password);
  return opened;
}

const nav = (page: Awaited<ReturnType<typeof openPage>>["page"]) =>
  page.getByRole("navigation", { name: "Sections" });

describe("dashboard in a real browser", () => {
  it("signs an officer in to the helpdesk, showing their jurisdiction", async () => {
    const { context, page, errors } = await signedInPage("officer@sunuwai.local");
    await page.waitForURL((url) => url.pathname === "/helpdesk");
    await page.getByRole("heading", { level: 1, name: "Helpdesk" }).waitFor();
    await expect(nav(page).getByRole("link").allTextContents()).resolves.toEqual(["Helpdesk"]);
    await expect(page.getByRole("banner").textContent()).resolves.toContain(
      "Ward Officer (Kathmandu 1–16, Hyderabad)",
    );
    await page.getByRole("banner").getByText("Officer", { exact: true }).waitFor();

    const jurisdiction = page.getByRole("table", { name: "Your jurisdiction" });
    await jurisdiction.getByRole("cell", { name: "KMC-01", exact: true }).waitFor();
    await expect(
      jurisdiction.getByRole("cell", { name: "KMC-17", exact: true }).count(),
    ).resolves.toBe(0);
    await page.getByText("Grievances will appear here when the chatbot files them").waitFor();
    await screenshot(page, "helpdesk-officer");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows an analyst ward intelligence only, and answers 403 for the helpdesk", async () => {
    const { context, page, errors } = await signedInPage("analyst@sunuwai.local");
    await page.waitForURL((url) => url.pathname === "/intel");
    await expect(nav(page).getByRole("link").allTextContents()).resolves.toEqual([
      "Ward intelligence",
    ]);

    const wards = page.getByRole("table", { name: "Wards" });
    await wards.getByRole("cell", { name: "KMC-10", exact: true }).waitFor();
    // Local-script names arrive intact (Devanagari and Telugu).
    await expect(wards.getByRole("cell", { name: "काठमाडौं वडा नं. १०" }).count()).resolves.toBe(1);
    await expect(
      wards.getByRole("row").filter({ hasText: "WARD_001" }).textContent(),
    ).resolves.toContain("జూబ్లీ హిల్స్");
    await screenshot(page, "intel-analyst");
    expect(errors).toEqual([]);

    const response = await page.goto("/helpdesk");
    expect(response?.status()).toBe(403);
    await page.getByText("You do not have access to Helpdesk.").waitFor();
    await page.getByText("Signed in as Campaign Analyst (Analyst).").waitFor();
    await expect(nav(page).getByRole("link", { name: "Helpdesk" }).count()).resolves.toBe(0);
    await screenshot(page, "helpdesk-forbidden");
    await context.close();
  });

  it("refuses a wrong password with a clear message and stays on the login page", async () => {
    const { context, page } = await openPage(browser, app.url);
    await page.goto("/login");
    await signIn(page, "supervisor@sunuwai.local", "not-the-password");
    await page.getByRole("alert").filter({ hasText: "Invalid email or password." }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByRole("button", { name: "Sign in" }).isEnabled()).resolves.toBe(true);
    await screenshot(page, "login-error");
    await context.close();
  });

  it("sends a visitor to the login page and back to the page they asked for; sign-out ends the session", async () => {
    const { context, page, errors } = await openPage(browser, app.url);
    await page.goto("/helpdesk?from=email");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/helpdesk?from=email");

    await signIn(page, "supervisor@sunuwai.local", app.password);
    await page.waitForURL((url) => url.pathname === "/helpdesk" && url.search === "?from=email");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");

    await page.goto("/helpdesk");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets an admin see users and create an API token whose secret is shown once, then revoke it", async () => {
    const { context, page, errors } = await signedInPage("admin@sunuwai.local");
    await page.waitForURL((url) => url.pathname === "/admin");
    await expect(nav(page).getByRole("link").allTextContents()).resolves.toEqual([
      "Helpdesk",
      "Ward intelligence",
      "Admin",
    ]);
    await page
      .getByRole("table", { name: "Users" })
      .getByRole("cell", { name: "officer@sunuwai.local" })
      .waitFor();

    await page.getByLabel("Token name").fill("E2E bot");
    await page.getByLabel("wards:read").check();
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByTestId("new-token-secret").textContent();
    expect(secret?.length).toBeGreaterThan(20);

    const row = page
      .getByRole("table", { name: "API tokens" })
      .getByRole("row")
      .filter({ hasText: "E2E bot" });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(secret?.slice(0, 8));
    await screenshot(page, "admin");
    const callWithToken = () =>
      fetch(`${app.url}/api/trpc/chatbot.wards`, {
        headers: { authorization: `Bearer ${secret}` },
      }).then((r) => r.status);
    await expect(callWithToken()).resolves.toBe(200);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Revoke E2E bot" }).click();
    await row.getByText(/^Revoked /).waitFor();
    await expect(callWithToken()).resolves.toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
