import type { Db } from "@sunuwai/db";
import { OPEN_GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { AssigneeOption } from "@sunuwai/validators";
import { assertHelpdeskStaff } from "../access/actor";
import type { StaffActor } from "../access/actor";
import { canSeeGrievance, grievanceNotFound } from "../access/visibility";
import { EVENT_SUBJECT_SELECT } from "../events";
import { isUuid } from "./load";

/**
 * Who a grievance can be assigned to, for the dashboard's picker: active officers whose jurisdiction covers its
 * ward, then supervisors and admins; each with their open workload, least loaded first within a group.
 */
export async function listAssignees(
  db: Db,
  actor: StaffActor,
  grievanceId: string,
): Promise<AssigneeOption[]> {
  assertHelpdeskStaff(actor);
  const grievance = isUuid(grievanceId)
    ? await db.grievance.findUnique({ where: { id: grievanceId }, select: EVENT_SUBJECT_SELECT })
    : null;
  if (!grievance || !canSeeGrievance(actor, grievance)) throw grievanceNotFound();
  const { wardId } = grievance;
  const users = await db.user.findMany({
    where: {
      disabledAt: null,
      OR: [
        ...(wardId ? [{ role: "OFFICER" as const, jurisdictions: { some: { wardId } } }] : []),
        { role: { in: ["SUPERVISOR", "ADMIN"] } },
      ],
    },
    select: {
      id: true,
      name: true,
      role: true,
      _count: {
        select: {
          assignedGrievances: { where: { status: { in: [...OPEN_GRIEVANCE_STATUSES] } } },
        },
      },
    },
  });
  const options = users.flatMap((user): AssigneeOption[] =>
    user.role === "ANALYST"
      ? []
      : [
          {
            id: user.id,
            name: user.name,
            role: user.role,
            openGrievances: user._count.assignedGrievances,
          },
        ],
  );
  const group = (option: AssigneeOption) => (option.role === "OFFICER" ? 0 : 1);
  return options.sort(
    (a, b) =>
      group(a) - group(b) || a.openGrievances - b.openGrievances || a.name.localeCompare(b.name),
  );
}
