import type { TaskList } from "@sunuwai/jobs";
import { escalateOverdueTask } from "./escalate-overdue";
import { rotateKeysTask } from "./rotate-keys";

// Grievance AI, file and notification handlers arrive with their features (issue 4).
export const helpdeskTasks: TaskList = {
  "sla.escalateOverdue": escalateOverdueTask,
  "keys.rotate": rotateKeysTask,
};
