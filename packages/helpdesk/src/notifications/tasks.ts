import { getDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { defineTask } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";
import { attemptOf } from "../ai/attempt";
import { getPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";
import { notificationConfigFromEnv } from "./config";
import type { NotificationConfig } from "./config";
import { sendNotification } from "./send";
import { createSenders } from "./senders";

export interface NotificationTaskDeps {
  db: () => Db;
  config: () => NotificationConfig;
  vault: () => PiiVault;
}

/** `notification.send`; dependencies are resolved when a job runs, so tests can supply their own. */
export function createNotificationTasks(deps: NotificationTaskDeps): TaskList {
  return {
    "notification.send": defineTask("notification.send", async ({ notificationId }, helpers) => {
      const config = deps.config();
      const senders = createSenders(config, helpers.logger);
      const outcome = await sendNotification(
        deps.db(),
        senders,
        notificationId,
        attemptOf(helpers),
        {
          vault: deps.vault(),
          disputeWindowDays: config.disputeWindowDays,
        },
      );
      helpers.logger.info(`notification.send ${notificationId}: ${outcome}`);
    }),
  };
}

let processConfig: NotificationConfig | undefined;

/** The handler as the worker runs it: providers, database and PII keys from the environment. */
export const notificationTasks: TaskList = createNotificationTasks({
  db: getDb,
  config: () => (processConfig ??= notificationConfigFromEnv()),
  vault: getPiiVault,
});
