import { intelCronItems } from "@sunuwai/intel/cron";
import type { TaskName } from "@sunuwai/jobs";
import type { CronItem } from "graphile-worker";

/** A recurring job: graphile-worker's cron item, limited to catalog tasks. Patterns are in UTC. */
export type CatalogCronItem = CronItem & { task: TaskName };

/**
 * Recurring jobs. They are items rather than crontab text because graphile-worker's crontab syntax cannot
 * name dotted tasks such as "sla.escalateOverdue". An item arrives together with its handler: the worker
 * refuses to start with an item no handler runs.
 */
export const cronItems: CatalogCronItem[] = [
  // Escalate grievances past their SLA due time; one job per tick across all workers, no backfill after downtime
  // (the next run catches up, since it escalates everything overdue at that moment).
  { task: "sla.escalateOverdue", match: "*/15 * * * *" },
  // The daily e-paper inbox run, at INTEL_INGEST_TIME in INTEL_INGEST_TIMEZONE converted to UTC.
  ...intelCronItems(),
];
