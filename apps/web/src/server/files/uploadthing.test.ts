import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { UPLOAD_RULES } from "@sunuwai/helpdesk/files";
import { createUploadThingHandlers } from "./uploadthing";

// The token's shape (base64 JSON of apiKey, appId, regions); no request reaches UploadThing in these tests.
const token = Buffer.from(
  JSON.stringify({ apiKey: "sk_live_test", appId: "app123", regions: ["sea1"] }),
).toString("base64");

interface RouteConfig {
  slug: string;
  config: Record<string, { maxFileSize: string; maxFileCount: number; contentDisposition: string }>;
}

describe("UploadThing file router", () => {
  it("is off without UPLOADTHING_TOKEN", () => {
    expect(createUploadThingHandlers(null)).toBeNull();
  });

  it("serves one route per file_type with the upload service's types and limits", async () => {
    const handlers = createUploadThingHandlers({ token });
    if (!handlers) throw new Error("expected handlers with a token");
    const response = await handlers.GET(new NextRequest("http://127.0.0.1/api/uploadthing"));
    expect(response.status).toBe(200);
    const routes = (await response.json()) as RouteConfig[];
    const summary = Object.fromEntries(
      routes.map(({ slug, config }) => [
        slug,
        Object.entries(config).map(([mime, rule]) => `${mime} ≤ ${rule.maxFileSize}`),
      ]),
    );
    expect(summary).toEqual({
      image: ["image/jpeg ≤ 5MB", "image/png ≤ 5MB"],
      document: ["application/pdf ≤ 10MB"],
      voice: ["audio/mpeg ≤ 10MB", "audio/wav ≤ 10MB", "audio/ogg ≤ 10MB"],
    });
    // "5MB" is UploadThing's 5 × 1024², the same bytes as the service's limit.
    expect(UPLOAD_RULES.image.maxBytes).toBe(5 * 1024 ** 2);
    expect(UPLOAD_RULES.document.maxBytes).toBe(10 * 1024 ** 2);
    for (const route of routes) {
      for (const rule of Object.values(route.config)) {
        expect(rule).toMatchObject({ maxFileCount: 1, contentDisposition: "attachment" });
      }
    }
  });
});
