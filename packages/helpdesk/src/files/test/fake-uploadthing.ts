// A stand-in for UploadThing on 127.0.0.1, speaking the wire protocol of the `uploadthing` 7 SDK, so the real
// server SDK (UTApi, the FileRouter's route handler) and the real browser client can be tested without the
// internet. One HTTP server plays UploadThing's ingest server (presigned PUTs, route metadata, callbacks), its
// API (file access, deletion) and its file host.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeUploadThingObject {
  key: string;
  customId: string | null;
  name: string;
  type: string;
  bytes: Buffer;
}

interface RouteMetadata {
  metadata: unknown;
  callbackUrl: string;
  callbackSlug: string;
  awaitServerData: boolean;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, PUT, POST, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": "x-ut-range-start",
};

const sign = (payload: string, apiKey: string) =>
  `hmac-sha256=${createHmac("sha256", apiKey).update(payload).digest("hex")}`;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS, "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export class FakeUploadThing {
  readonly apiKey = "sk_live_fake_uploadthing_key";
  readonly appId = "fakeapp";
  /** Stored files by UploadThing file key. */
  readonly objects = new Map<string, FakeUploadThingObject>();
  /** Every request, as `METHOD /path` without the query. */
  readonly requests: string[] = [];
  /** File keys deleted through the API, in order. */
  readonly deleted: string[] = [];
  private readonly routes = new Map<string, RouteMetadata>();
  private readonly callbackResults = new Map<string, (data: unknown) => void>();
  private readonly server: Server = createServer((request, response) => {
    this.handle(request, response).catch((error: unknown) => {
      json(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A token as UploadThing's dashboard issues it: base64 JSON of the API key, app id and regions. */
  get token(): string {
    return Buffer.from(
      JSON.stringify({ apiKey: this.apiKey, appId: this.appId, regions: ["fake1"] }),
    ).toString("base64");
  }

  /** The settings that point the app at this fake. */
  get config(): { token: string; apiUrl: string; ingestUrl: string } {
    return { token: this.token, apiUrl: this.origin, ingestUrl: this.origin };
  }

  get env(): Record<string, string> {
    return {
      UPLOADTHING_TOKEN: this.token,
      UPLOADTHING_API_URL: this.origin,
      UPLOADTHING_INGEST_URL: this.origin,
    };
  }

  findByCustomId(customId: string): FakeUploadThingObject | undefined {
    return [...this.objects.values()].find((object) => object.customId === customId);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.origin);
    const method = request.method ?? "GET";
    this.requests.push(`${method} ${url.pathname}`);
    if (method === "OPTIONS") {
      response.writeHead(204, CORS);
      response.end();
      return;
    }
    const body = await readBody(request);
    const fileMatch = /^\/f\/([^/]+)$/.exec(url.pathname);
    if (fileMatch && (method === "GET" || method === "HEAD")) {
      this.serveFile(decodeURIComponent(fileMatch[1] ?? ""), method, response);
      return;
    }
    if (method === "POST" && url.pathname.startsWith("/v6/")) {
      if (request.headers["x-uploadthing-api-key"] !== this.apiKey) {
        json(response, 401, { error: "Invalid API key" });
        return;
      }
      this.api(
        url.pathname,
        JSON.parse(body.toString("utf8")) as Record<string, unknown>,
        response,
      );
      return;
    }
    if (method === "POST" && url.pathname === "/route-metadata") {
      if (request.headers["x-uploadthing-api-key"] !== this.apiKey) {
        json(response, 401, { error: "Invalid API key" });
        return;
      }
      const registered = JSON.parse(body.toString("utf8")) as RouteMetadata & {
        fileKeys: string[];
      };
      for (const key of registered.fileKeys) this.routes.set(key, registered);
      json(response, 200, { ok: true });
      return;
    }
    if (method === "POST" && url.pathname === "/callback-result") {
      const result = JSON.parse(body.toString("utf8")) as {
        fileKey: string;
        callbackData: unknown;
      };
      this.callbackResults.get(result.fileKey)?.(result.callbackData);
      json(response, 200, { ok: true });
      return;
    }
    const keyMatch = /^\/([^/]+)$/.exec(url.pathname);
    if (keyMatch && method === "HEAD") {
      response.writeHead(200, { ...CORS, "x-ut-range-start": "0" });
      response.end();
      return;
    }
    if (keyMatch && method === "PUT") {
      await this.ingest(decodeURIComponent(keyMatch[1] ?? ""), url, request, body, response);
      return;
    }
    json(response, 404, { error: `no route for ${method} ${url.pathname}` });
  }

  private verifyPresignedUrl(url: URL): string | null {
    const signature = url.searchParams.get("signature") ?? "";
    const signed = url.href.replace(/&signature=[^&]*$/, "");
    const expected = sign(signed, this.apiKey);
    if (
      signature.length !== expected.length ||
      !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
    )
      return "Invalid signature";
    if (Number(url.searchParams.get("expires")) < Date.now()) return "URL expired";
    return null;
  }

  /** A presigned PUT: multipart body with a `file` part, as both SDKs send it. */
  private async ingest(
    key: string,
    url: URL,
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse,
  ): Promise<void> {
    const refused = this.verifyPresignedUrl(url);
    if (refused) {
      json(response, 403, { error: refused });
      return;
    }
    const form = await new Request(url, {
      method: "PUT",
      headers: { "content-type": request.headers["content-type"] ?? "" },
      body: new Uint8Array(body),
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) {
      json(response, 400, { error: "no file part" });
      return;
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    const param = (name: string) => {
      const value = url.searchParams.get(name);
      return value === null ? null : decodeURIComponent(value);
    };
    // UploadThing refuses a body that is not the size the presigned URL was signed for.
    if (String(bytes.length) !== param("x-ut-file-size")) {
      json(response, 400, { error: "File size mismatch" });
      return;
    }
    const object: FakeUploadThingObject = {
      key,
      customId: param("x-ut-custom-id"),
      name: param("x-ut-file-name") ?? key,
      type: param("x-ut-file-type") ?? "application/octet-stream",
      bytes,
    };
    this.objects.set(key, object);
    const ufsUrl = `${this.origin}/f/${encodeURIComponent(key)}`;
    const uploaded = { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: randomUUID() };
    const route = this.routes.get(key);
    if (!route) {
      json(response, 200, uploaded);
      return;
    }
    const serverData = await this.callBack(route, object, uploaded);
    json(response, 200, { ...uploaded, serverData });
  }

  /** Tells the app's FileRouter the file arrived (signed with the API key) and waits for its onUploadComplete. */
  private async callBack(
    route: RouteMetadata,
    object: FakeUploadThingObject,
    uploaded: { url: string; appUrl: string; ufsUrl: string; fileHash: string },
  ): Promise<unknown> {
    const result = new Promise<unknown>((resolve) => this.callbackResults.set(object.key, resolve));
    const payload = JSON.stringify({
      status: "uploaded",
      file: {
        name: object.name,
        size: object.bytes.length,
        type: object.type,
        lastModified: Date.now(),
        customId: object.customId,
        key: object.key,
        ...uploaded,
      },
      origin: this.origin,
      metadata: route.metadata,
    });
    const callbackUrl = new URL(route.callbackUrl);
    callbackUrl.searchParams.set("slug", route.callbackSlug);
    const answer = await fetch(callbackUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "uploadthing-hook": "callback",
        "x-uploadthing-signature": sign(payload, this.apiKey),
      },
      body: payload,
    });
    if (!answer.ok) return null;
    if (!route.awaitServerData) return null;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000));
    return Promise.race([result, timeout]);
  }

  private api(path: string, body: Record<string, unknown>, response: ServerResponse): void {
    const keysOf = (list: unknown, by: "key" | "customId") =>
      (Array.isArray(list) ? (list as string[]) : []).flatMap((id) =>
        [...this.objects.values()].filter((object) => object[by] === id).map((o) => o.key),
      );
    if (path === "/v6/requestFileAccess") {
      const object =
        typeof body.customId === "string"
          ? this.findByCustomId(body.customId)
          : this.objects.get(String(body.fileKey));
      // UploadThing signs a URL for any key; the file host then answers 404 for a missing one.
      const key = object?.key ?? `missing-${String(body.customId ?? body.fileKey)}`;
      const ufsUrl = `${this.origin}/f/${encodeURIComponent(key)}`;
      json(response, 200, { url: ufsUrl, ufsUrl });
      return;
    }
    if (path === "/v6/deleteFiles") {
      const keys = [...keysOf(body.fileKeys, "key"), ...keysOf(body.customIds, "customId")];
      for (const key of keys) {
        this.objects.delete(key);
        this.deleted.push(key);
      }
      json(response, 200, { success: true, deletedCount: keys.length });
      return;
    }
    json(response, 404, { error: `no API route ${path}` });
  }

  private serveFile(key: string, method: string, response: ServerResponse): void {
    const object = this.objects.get(key);
    if (!object) {
      json(response, 404, { error: "Not found" });
      return;
    }
    response.writeHead(200, {
      ...CORS,
      "content-type": object.type,
      "content-length": String(object.bytes.length),
    });
    response.end(method === "HEAD" ? undefined : object.bytes);
  }
}
