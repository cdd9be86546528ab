import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFileStorage, LocalFileStorage, newStorageKey, UploadThingFileStorage } from ".";
import { FakeUploadThing } from "../test/fake-uploadthing";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "sunuwai-storage-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe("createFileStorage", () => {
  it("uses the local disk under <dataDir>/files without an UploadThing token", () => {
    const storage = createFileStorage({ dataDir });
    expect(storage).toBeInstanceOf(LocalFileStorage);
    expect((storage as LocalFileStorage).root).toBe(path.join(dataDir, "files"));
  });

  it("uses UploadThing when a token is configured", () => {
    const token = Buffer.from(
      JSON.stringify({ apiKey: "sk_live_test", appId: "app123", regions: ["sea1"] }),
    ).toString("base64");
    expect(createFileStorage({ dataDir, uploadThing: { token } }).backend).toBe("uploadthing");
    expect(createFileStorage({ dataDir, uploadThing: { token } })).toBeInstanceOf(
      UploadThingFileStorage,
    );
  });
});

describe("LocalFileStorage", () => {
  it("stores, reads, stats and deletes under a random fanned-out key", async () => {
    const storage = createFileStorage({ dataDir });
    const key = newStorageKey();
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    await storage.put(
      key,
      Readable.from([Buffer.from("hello "), Buffer.from("world")]),
      "text/plain",
    );
    expect(await filesUnder(path.join(dataDir, "files"))).toEqual([key]);
    expect(Buffer.concat(await (await storage.get(key)).toArray()).toString()).toBe("hello world");
    expect(await storage.stat(key)).toEqual({ size: 11 });
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.get(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("leaves nothing behind when the stream fails halfway", async () => {
    const storage = createFileStorage({ dataDir });
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.put(newStorageKey(), failing, "image/jpeg")).rejects.toThrow(
      "client went away",
    );
    expect(await filesUnder(path.join(dataDir, "files"))).toEqual([]);
  });

  it("refuses keys it did not make, so nothing can be read outside its folder", async () => {
    const storage = createFileStorage({ dataDir });
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/Not a storage key/);
    await expect(
      storage.put("x.jpg", Readable.from([Buffer.from("x")]), "image/jpeg"),
    ).rejects.toThrow(/Not a storage key/);
    expect(await readFile(path.join(dataDir, "x.jpg")).catch(() => null)).toBeNull();
  });
});

describe("UploadThingFileStorage, against an UploadThing stand-in on 127.0.0.1", () => {
  const uploadThing = new FakeUploadThing();
  beforeAll(() => uploadThing.start());
  afterAll(() => uploadThing.stop());

  it("stores under our random key as customId, reads, stats and deletes through UploadThing's API", async () => {
    const storage = createFileStorage({ dataDir, uploadThing: uploadThing.config });
    const key = newStorageKey();
    await storage.put(
      key,
      Readable.from([Buffer.from("%PDF-1.7 minutes")]),
      () => "application/pdf",
    );
    const stored = uploadThing.findByCustomId(key);
    expect(stored).toMatchObject({ type: "application/pdf", name: key.replaceAll("/", "-") });
    expect(stored?.bytes.toString()).toBe("%PDF-1.7 minutes");
    expect(Buffer.concat(await (await storage.get(key)).toArray()).toString()).toBe(
      "%PDF-1.7 minutes",
    );
    expect(await storage.stat(key)).toEqual({ size: 16 });
    await storage.delete(key);
    expect(uploadThing.findByCustomId(key)).toBeUndefined();
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.get(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The staging copy is gone too: nothing of the file stays on the local disk.
    expect(await filesUnder(path.join(dataDir, "files"))).toEqual([]);
  });

  it("sends nothing to UploadThing when the stream fails halfway", async () => {
    const storage = createFileStorage({ dataDir, uploadThing: uploadThing.config });
    const before = uploadThing.objects.size;
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.put(newStorageKey(), failing, "image/jpeg")).rejects.toThrow(
      "client went away",
    );
    expect(uploadThing.objects.size).toBe(before);
    expect(await filesUnder(path.join(dataDir, "files"))).toEqual([]);
  });
});
