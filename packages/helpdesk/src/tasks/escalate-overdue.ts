import { getDb } from "@sunuwai/db";
import { defineTask } from "@sunuwai/jobs";
import { escalateOverdueGrievances } from "../services/escalate-overdue";

/** Cron (every 15 minutes): escalate what is overdue now; a second run at the same moment changes nothing. */
export const escalateOverdueTask = defineTask("sla.escalateOverdue", async (_payload, helpers) => {
  const run = await escalateOverdueGrievances(getDb(), { now: new Date() });
  helpers.logger.info(`SLA: escalated ${run.escalated.length} overdue grievance(s)`, {
    references: run.escalated.map((item) => item.reference),
  });
});
