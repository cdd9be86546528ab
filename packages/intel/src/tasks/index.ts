import path from "node:path";
import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { defineTask } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";
import { AppError } from "@sunuwai/validators/errors";
import { raiseAlertsForWard } from "../alerts/raise";
import type { PostAnalyser } from "../analysis/analyser";
import { createPostAnalyser } from "../analysis/select";
import { destinationFor, ingestDir, moveInto } from "../ingest/ingest-dir";
import { epaperInbox } from "../ingest/inbox";
import { ingestFile } from "../ingest/ingest-file";
import { recomputeWardRollup } from "../pulse/rollup";

export interface IntelTaskDeps {
  db: () => Db;
  /** Folder the daily run reads; job paths must lie under its parent (`<DATA_DIR>/epaper`). */
  inbox: () => string;
  /** What analyses new articles (INTEL_ANALYSER: the lexicon, or OpenAI). */
  analyser?: () => Promise<PostAnalyser>;
}

/** Job paths are resolved against the inbox and must stay inside the e-paper folder: a job never reads other files. */
function resolveEpaperPath(inbox: string, given: string): string {
  const root = path.dirname(path.resolve(inbox));
  const resolved = path.resolve(inbox, given);
  const relative = path.relative(root, resolved);
  if (relative.startsWith("..") || path.isAbsolute(relative)) throw new AppError("FORBIDDEN", `Only files under ${root} can be ingested by a job.`);
  return resolved;
}

/** Ingestion and ward-recompute handlers; `deps` lets tests point them at their own database and folders. */
export function createIntelTasks(deps: IntelTaskDeps = { db: getDb, inbox: epaperInbox }): TaskList {
  const analyser = deps.analyser ?? createPostAnalyser;
  return {
    "intel.ingestFile": defineTask("intel.ingestFile", async (payload, helpers) => {
      const inbox = deps.inbox();
      const file = resolveEpaperPath(inbox, payload.path);
      const options = { path: file, inboxDir: inbox, analyser: await analyser(), ...(payload.ingestRunId ? { ingestRunId: payload.ingestRunId } : {}) };
      const result = await helpers.withPgClient((pg) => ingestFile({ db: deps.db(), pg }, options));
      if (path.dirname(file) === path.resolve(inbox)) await moveInto(file, destinationFor(file, result.status === "FAILED"));
      helpers.logger.info(`ingested ${result.file}: ${result.inserted} inserted, ${result.duplicates} duplicates, ${result.invalid} invalid`);
    }),
    "intel.ingestDir": defineTask("intel.ingestDir", async (payload, helpers) => {
      const inbox = deps.inbox();
      const dir = payload.path ? resolveEpaperPath(inbox, payload.path) : inbox;
      const options = { dir, move: true, analyser: await analyser() };
      const outcomes = await helpers.withPgClient((pg) => ingestDir({ db: deps.db(), pg }, options));
      const failed = outcomes.filter((o) => o.error);
      helpers.logger.info(`ingested ${outcomes.length - failed.length} of ${outcomes.length} files from ${dir}`);
      // Files that stopped on an error stay in the inbox; failing the job lets graphile-worker retry them.
      if (failed.length > 0) throw new Error(`${failed.length} file(s) could not be ingested: ${failed.map((f) => path.basename(f.file)).join(", ")}`);
    }),
    "intel.recomputeWard": defineTask("intel.recomputeWard", async (payload, helpers) => {
      const db = deps.db();
      const { days } = await recomputeWardRollup(db, payload.wardId);
      const alerts = await raiseAlertsForWard(db, payload.wardId);
      helpers.logger.info(`ward ${payload.wardId}: rollup rebuilt over ${days} days, ${alerts.raised} new alerts`);
    }),
  };
}

export const intelTasks: TaskList = createIntelTasks({ db: getDb, inbox: epaperInbox, analyser: createPostAnalyser });
