// Goal (issue 4): a 5 MB JPEG is processed by `file.process` in ≤ 1.5 s, and the worker's peak RSS while
// processing stays ≤ 400 MB. Each run is a fresh child process running the worker's real handler under
// graphile-worker against a real PostgreSQL; the baseline is a child that only decodes the same file with sharp.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { createDb } from "@sunuwai/db";
import { createGrievance, createPiiVault } from "@sunuwai/helpdesk";
import { acceptUpload, LocalFileStorage } from "@sunuwai/helpdesk/files";
import { noisyJpeg } from "@sunuwai/helpdesk/files/samples";
import { runMigrations } from "graphile-worker";
import { startBenchDatabase } from "../intel/bench-database";

const RUNS = 3;
const GOAL_MS = 1500;
const GOAL_RSS_MB = 400;
const child = path.join(import.meta.dirname, "image-process-child.ts");

interface Measurement {
  ms: number;
  maxRssMb: number;
  outcome: string;
}

function measure(args: string[]): Measurement {
  const stdout = execFileSync(process.execPath, ["--import", "tsx", child, ...args], {
    cwd: import.meta.dirname,
    encoding: "utf8",
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Measurement;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const database = await startBenchDatabase("files");
try {
  await runMigrations({ connectionString: database.url });
  const db = createDb(database.url, { max: 2 });
  const filesRoot = path.join(database.dir, "files");
  const storage = new LocalFileStorage(filesRoot);
  const key = () => Buffer.alloc(32, 7).toString("base64");
  const vault = createPiiVault({ encryptionKeys: `bench:${key()}`, blindIndexKey: key() });
  const token = await db.apiToken.create({
    data: { name: "bench", tokenHash: "b".repeat(64), prefix: "snw_bnch", scopes: ["file:write"] },
    select: { id: true },
  });
  const grievance = await createGrievance(
    db,
    { apiTokenId: token.id },
    {
      complainant: { fullName: "Bench Complainant", phone: "9841000000" },
      description: "A photo of the broken culvert on the ring road, taken this morning.",
      language: "en",
    },
    { vault },
  );

  // Random noise barely compresses: 2600×1950 at quality 95 is just under 5 MB, the image limit.
  const photo = await noisyJpeg(2600, 1950);
  const photoFile = path.join(database.dir, "photo.jpg");
  writeFileSync(photoFile, photo);

  const upload = async () => {
    await db.attachment.deleteMany();
    await acceptUpload(
      db,
      {
        stream: Readable.from([photo]),
        declaredName: "culvert.jpg",
        fileType: "image",
        grievanceId: grievance.id,
        uploader: { kind: "chatbot", apiTokenId: token.id },
      },
      storage,
    );
  };
  const handlerRuns: Measurement[] = [];
  const coldRuns: Measurement[] = [];
  const decodeRuns: Measurement[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await upload();
    handlerRuns.push(measure(["handler", database.url, filesRoot]));
    await upload();
    coldRuns.push(measure(["handler", database.url, filesRoot, "cold"]));
    decodeRuns.push(measure(["decode", photoFile]));
  }
  await db.$disconnect();

  const ms = median(handlerRuns.map((r) => r.ms));
  const rss = Math.max(...handlerRuns.map((r) => r.maxRssMb));
  const decodeMs = median(decodeRuns.map((r) => r.ms));
  const decodeRss = Math.max(...decodeRuns.map((r) => r.maxRssMb));
  console.log(`input: ${(photo.length / 1024 / 1024).toFixed(2)} MB JPEG, 2600×1950`);
  console.log(`file.process (real handler, ${RUNS} runs): median ${ms} ms, peak RSS ${rss} MB`);
  console.log(`  outcome: ${handlerRuns[0]?.outcome ?? ""}`);
  console.log(
    `  as a freshly started worker's first job (Prisma and libvips cold): median ${median(coldRuns.map((r) => r.ms))} ms, peak RSS ${Math.max(...coldRuns.map((r) => r.maxRssMb))} MB`,
  );
  console.log(`baseline, sharp decode only: median ${decodeMs} ms, peak RSS ${decodeRss} MB`);
  console.log(
    `ratio: ${(ms / decodeMs).toFixed(1)}× the decode time, ${(rss / decodeRss).toFixed(1)}× its peak RSS`,
  );
  console.log(
    `goal ≤ ${GOAL_MS} ms and ≤ ${GOAL_RSS_MB} MB: ${ms <= GOAL_MS && rss <= GOAL_RSS_MB ? "met" : "NOT met"}`,
  );
} finally {
  await database.stop();
}
