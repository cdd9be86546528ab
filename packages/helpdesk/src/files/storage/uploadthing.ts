import { randomUUID } from "node:crypto";
import { createWriteStream, openAsBlob } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { UTApi, UTFile } from "uploadthing/server";
import { AppError } from "@sunuwai/validators/errors";
import type { UploadThingConfig } from "../env";
import { assertStorageKey } from "./types";
import type { FileStorage } from "./types";

/** UploadThing's server SDK for our app, pointed at the configured servers. */
export function createUtApi(config: UploadThingConfig): UTApi {
  return new UTApi({
    token: config.token,
    logLevel: "Error",
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    ...(config.ingestUrl ? { ingestUrl: config.ingestUrl } : {}),
  });
}

/**
 * Files in UploadThing, addressed by our own random key as UploadThing's `customId`. A stream is staged in a
 * local temporary file first, so an upload that fails its checks halfway never reaches UploadThing.
 */
export class UploadThingFileStorage implements FileStorage {
  readonly backend = "uploadthing";
  private readonly api: UTApi;

  constructor(
    config: UploadThingConfig,
    private readonly stagingDir: string,
  ) {
    this.api = createUtApi(config);
  }

  async put(
    key: string,
    body: Readable,
    contentType: string | (() => string),
  ): Promise<{ size: number }> {
    assertStorageKey(key);
    await mkdir(this.stagingDir, { recursive: true, mode: 0o700 });
    const partPath = path.join(this.stagingDir, `${randomUUID()}.part`);
    try {
      await pipeline(body, createWriteStream(partPath, { flags: "wx", mode: 0o600 }));
      const type = typeof contentType === "function" ? contentType() : contentType;
      const blob = await openAsBlob(partPath, { type });
      // UTFile passes `type` on to Blob; its declared option bag omits it without DOM typings.
      const options = { customId: key, type };
      const file = new UTFile([blob], key.replaceAll("/", "-"), options);
      const result = await this.api.uploadFiles(file);
      if (result.error)
        throw new Error(`UploadThing did not store the file: ${result.error.message}`);
      return { size: blob.size };
    } finally {
      await rm(partPath, { force: true });
    }
  }

  private async fetchObject(key: string, method: "GET" | "HEAD"): Promise<Response | null> {
    assertStorageKey(key);
    const { ufsUrl } = await this.api.getSignedURL(key, { keyType: "customId" });
    const response = await fetch(ufsUrl, { method });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`UploadThing answered ${response.status} for a stored file`);
    return response;
  }

  async get(key: string): Promise<Readable> {
    const response = await this.fetchObject(key, "GET");
    if (!response?.body) throw new AppError("NOT_FOUND", "The file is no longer stored.");
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const response = await this.fetchObject(key, "HEAD");
    if (!response) return null;
    return { size: Number(response.headers.get("content-length") ?? 0) };
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.api.deleteFiles(key, { keyType: "customId" });
  }
}
