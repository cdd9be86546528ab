import type { JobHelpers, Task } from "graphile-worker";
import { parseTaskPayload } from "./catalog";
import type { TaskName, TaskPayload } from "./catalog";

export type TaskHandler<Name extends TaskName> = (
  payload: TaskPayload<Name>,
  helpers: JobHelpers,
) => Promise<void> | void;

/**
 * Wraps a handler so it only ever sees a payload that matches the catalog. A bad payload throws a
 * `JobPayloadError` naming the field, which graphile-worker records as the job's `last_error`.
 */
export function defineTask<Name extends TaskName>(name: Name, handler: TaskHandler<Name>): Task {
  return async (payload, helpers) => {
    await handler(parseTaskPayload(name, payload), helpers);
  };
}
