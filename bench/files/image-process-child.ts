// Child process of image-process.bench.ts, so each measurement's peak RSS is its own:
//   handler <database url> <files root> [cold]  runs the worker's real `file.process` handler over the queued
//                                         job; without "cold", Prisma and sharp are warmed first, as they are in
//                                         a worker that has already run jobs;
//   decode <image file>                  decodes the image with sharp and nothing else (the baseline).
// Prints one JSON line: { ms, maxRssMb, outcome }.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createDb } from "@sunuwai/db";
import { createFileTasks, LocalFileStorage } from "@sunuwai/helpdesk/files";
import { Logger, runOnce } from "graphile-worker";
import sharp from "sharp";

const [mode, ...args] = process.argv.slice(2);

/** What a running worker has done long before its next photo: queries and one image through libvips. */
async function warmUp(db: ReturnType<typeof createDb>) {
  await db.attachment.findFirst({ select: { id: true } });
  await db.$transaction((tx) => tx.$queryRaw`SELECT 1`);
  await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } })
    .jpeg()
    .toBuffer();
}

async function runHandler(url: string, filesRoot: string, cold: boolean) {
  const db = createDb(url, { max: 2 });
  const storage = new LocalFileStorage(filesRoot);
  if (!cold) await warmUp(db);
  const handler = createFileTasks({
    db: () => db,
    storage: () => storage,
    transcriber: () => null,
  })["file.process"];
  if (!handler) throw new Error("no file.process handler");
  let ms = 0;
  await runOnce({
    connectionString: url,
    concurrency: 1,
    noHandleSignals: true,
    logger: new Logger(() => () => undefined),
    taskList: {
      "file.process": async (payload, helpers) => {
        const started = performance.now();
        await handler(payload, helpers);
        ms = performance.now() - started;
      },
    },
  });
  const row = await db.attachment.findFirstOrThrow({ select: { status: true, metadata: true } });
  await db.$disconnect();
  return { ms, outcome: `${row.status} ${JSON.stringify(row.metadata)}` };
}

async function decodeOnly(file: string) {
  const bytes = readFileSync(file);
  const started = performance.now();
  const { info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return { ms: performance.now() - started, outcome: `decoded ${info.width}x${info.height}` };
}

const result =
  mode === "handler"
    ? await runHandler(args[0] ?? "", args[1] ?? "", args[2] === "cold")
    : await decodeOnly(args[0] ?? "");
// resourceUsage().maxRSS is in kilobytes: the peak resident set of this whole process.
console.log(
  JSON.stringify({
    ...result,
    ms: Math.round(result.ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
