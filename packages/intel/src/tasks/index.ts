import type { TaskList } from "@sunuwai/jobs";

// Ingestion and ward-recompute handlers arrive with their features in later issues.
export const intelTasks: TaskList = {};
