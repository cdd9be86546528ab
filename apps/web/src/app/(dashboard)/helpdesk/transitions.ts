import { allowedNextStatuses } from "@sunuwai/helpdesk";
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { StaffTransitions } from "~/components/helpdesk/queue/bulk-status-dialog";

/** The status machine's staff moves, for the browser to offer only statuses that can be reached. */
export function staffTransitions(): StaffTransitions {
  return Object.fromEntries(
    GRIEVANCE_STATUSES.map((status) => [status, allowedNextStatuses(status, "staff")]),
  ) as StaffTransitions;
}
