import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { defineTask } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";
import { attemptOf } from "../ai/attempt";
import type { Transcriber } from "../ai/engine";
import { getAiServices } from "../ai/select";
import { processAttachment } from "./process/attachment";
import { getFileStorage } from "./storage";
import type { FileStorage } from "./storage";

export interface FileTaskDeps {
  db: () => Db;
  storage: () => FileStorage;
  transcriber: () => Transcriber | null;
}

/** `file.process`; dependencies are resolved when a job runs, so tests can supply their own. */
export function createFileTasks(deps: FileTaskDeps): TaskList {
  return {
    "file.process": defineTask("file.process", async ({ attachmentId }, helpers) => {
      const outcome = await processAttachment(
        deps.db(),
        deps.storage(),
        attachmentId,
        { transcriber: deps.transcriber() },
        attemptOf(helpers),
      );
      helpers.logger.info(`file.process ${attachmentId}: ${outcome}`);
    }),
  };
}

/** The handler as the worker runs it: storage, database and transcriber from the environment. */
export const fileTasks: TaskList = createFileTasks({
  db: getDb,
  storage: getFileStorage,
  transcriber: () => getAiServices().transcriber,
});
