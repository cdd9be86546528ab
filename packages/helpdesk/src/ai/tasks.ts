import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { defineTask } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";
import { attemptOf } from "./attempt";
import { classifyGrievance } from "./classify";
import { generateFollowUps, summarizeGrievance, translateGrievance } from "./enrich";
import { getAiServices } from "./select";
import type { AiServices } from "./select";

export interface GrievanceAiTaskDeps {
  db: () => Db;
  ai: () => AiServices;
}

/** The grievance AI handlers; dependencies are resolved when a job runs, so tests can supply their own. */
export function createGrievanceAiTasks(deps: GrievanceAiTaskDeps): TaskList {
  return {
    "grievance.classify": defineTask("grievance.classify", async ({ grievanceId }, helpers) => {
      const outcome = await classifyGrievance(
        deps.db(),
        deps.ai(),
        grievanceId,
        attemptOf(helpers),
      );
      helpers.logger.info(`grievance.classify ${grievanceId}: ${outcome}`);
    }),
    "grievance.summarize": defineTask("grievance.summarize", async ({ grievanceId }, helpers) => {
      const outcome = await summarizeGrievance(deps.db(), deps.ai(), grievanceId);
      helpers.logger.info(`grievance.summarize ${grievanceId}: ${outcome}`);
    }),
    "grievance.translate": defineTask(
      "grievance.translate",
      async ({ grievanceId, targetLanguage }, helpers) => {
        const outcome = await translateGrievance(deps.db(), deps.ai(), grievanceId, targetLanguage);
        helpers.logger.info(`grievance.translate ${grievanceId} → ${targetLanguage}: ${outcome}`);
      },
    ),
    "grievance.followUps": defineTask("grievance.followUps", async ({ grievanceId }, helpers) => {
      const outcome = await generateFollowUps(deps.db(), deps.ai(), grievanceId);
      helpers.logger.info(`grievance.followUps ${grievanceId}: ${outcome}`);
    }),
  };
}

/** The handlers as the worker runs them: DATABASE_URL, and OpenAI or the offline fallback from the environment. */
export const grievanceAiTasks: TaskList = createGrievanceAiTasks({ db: getDb, ai: getAiServices });
