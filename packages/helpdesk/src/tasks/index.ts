import type { TaskList } from "@sunuwai/jobs";
import { grievanceAiTasks } from "../ai/tasks";
import { fileTasks } from "../files/tasks";
import { notificationTasks } from "../notifications/tasks";
import { escalateOverdueTask } from "./escalate-overdue";
import { rotateKeysTask } from "./rotate-keys";

export const helpdeskTasks: TaskList = {
  "sla.escalateOverdue": escalateOverdueTask,
  "keys.rotate": rotateKeysTask,
  ...grievanceAiTasks,
  ...fileTasks,
  ...notificationTasks,
};
