export { taskCatalog, taskNames, isTaskName, parseTaskPayload, JobPayloadError } from "./catalog";
export type { TaskName, TaskPayload, TaskPayloadInput } from "./catalog";
export { enqueue, enqueueSql } from "./enqueue";
export type { EnqueueSpec, SqlClient } from "./enqueue";
// Installed with the database migrations; re-exported for callers that only know the job catalog.
export { installJobQueue } from "@sunuwai/db/migrate";
export { defineTask } from "./define-task";
export type { TaskHandler } from "./define-task";
export type { JobHelpers, Task, TaskList } from "graphile-worker";
