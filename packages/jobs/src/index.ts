export { taskCatalog, taskNames, isTaskName, parseTaskPayload, JobPayloadError } from "./catalog";
export type { TaskName, TaskPayload, TaskPayloadInput } from "./catalog";
export { enqueue } from "./enqueue";
export type { EnqueueSpec, SqlClient } from "./enqueue";
export { installJobQueue } from "./queue";
export { defineTask } from "./define-task";
export type { TaskHandler } from "./define-task";
export type { JobHelpers, Task, TaskList } from "graphile-worker";
