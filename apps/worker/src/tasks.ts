import { helpdeskTasks } from "@sunuwai/helpdesk/tasks";
import { intelTasks } from "@sunuwai/intel/tasks";
import { isTaskName } from "@sunuwai/jobs";
import type { TaskList } from "@sunuwai/jobs";

/** Merges domain task lists, refusing names outside the catalog or claimed by two domains. */
export function assembleTaskList(lists: Record<string, TaskList>): TaskList {
  const merged: TaskList = {};
  const owner = new Map<string, string>();
  for (const [domain, list] of Object.entries(lists)) {
    for (const [name, task] of Object.entries(list)) {
      if (!isTaskName(name))
        throw new Error(`${domain} defines task "${name}", which is not in @sunuwai/jobs' catalog`);
      const other = owner.get(name);
      if (other) throw new Error(`task "${name}" is defined by both ${other} and ${domain}`);
      owner.set(name, domain);
      merged[name] = task;
    }
  }
  return merged;
}

export const defaultTaskList = (): TaskList =>
  assembleTaskList({ helpdesk: helpdeskTasks, intel: intelTasks });
