"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, SelectField, TextField } from "@sunuwai/ui";
import type { GrievanceDetail, Role } from "@sunuwai/validators";
import { QueryStatus } from "~/components/query-status";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { useAfterGrievanceChange } from "./use-grievance-mutation";

const UNASSIGN = "unassign";

/** Supervisors pick anyone from the ward's officers (least busy first) or the supervisors; officers take it. */
function SupervisorAssignForm({ grievance }: { grievance: GrievanceDetail }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievance.id);
  const people = useQuery(trpc.helpdesk.assignees.queryOptions({ grievanceId: grievance.id }));
  const [choice, setChoice] = useState("");
  const [reason, setReason] = useState("");
  const assign = useMutation(
    trpc.grievance.assign.mutationOptions({
      onSuccess: async () => {
        setChoice("");
        setReason("");
        await after(t.assign.assigned);
      },
    }),
  );
  if (!people.data)
    return <QueryStatus isPending={people.isPending} isError={people.isError} what={t.assign.to} />;
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!choice) return;
        assign.mutate({
          grievanceId: grievance.id,
          assigneeId: choice === UNASSIGN ? null : choice,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
      }}
    >
      <p className="text-sm text-slate-700">
        {grievance.assignee ? t.assign.current(grievance.assignee.name) : t.assign.currentNone}
      </p>
      <SelectField
        label={t.assign.to}
        value={choice}
        required
        onChange={(event) => setChoice(event.target.value)}
        className="max-w-md"
      >
        <option value="">{t.assign.choose}</option>
        {people.data
          .filter((person) => person.id !== grievance.assignee?.id)
          .map((person) => (
            <option key={person.id} value={person.id}>
              {t.assign.option(person.name, t.roles[person.role], person.openGrievances)}
            </option>
          ))}
        {grievance.assignee && <option value={UNASSIGN}>{t.assign.unassign}</option>}
      </SelectField>
      <TextField
        label={t.assign.reason}
        value={reason}
        maxLength={1000}
        onChange={(event) => setReason(event.target.value)}
        className="max-w-md"
      />
      {assign.isError && <Alert tone="error">{userFacingError(assign.error)}</Alert>}
      <div>
        <Button type="submit" pending={assign.isPending} disabled={!choice || assign.isPending}>
          {assign.isPending ? t.assign.pending : t.assign.submit}
        </Button>
      </div>
    </form>
  );
}

function OfficerAssign({ grievance, viewerId }: { grievance: GrievanceDetail; viewerId: string }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievance.id);
  const take = useMutation(
    trpc.grievance.assign.mutationOptions({ onSuccess: () => after(t.assign.assigned) }),
  );
  if (grievance.assignee?.id === viewerId)
    return <p className="text-sm text-slate-700">{t.assign.yours}</p>;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-slate-700">
        {grievance.assignee ? t.assign.current(grievance.assignee.name) : t.assign.currentNone}
      </p>
      <div>
        <Button
          pending={take.isPending}
          onClick={() => take.mutate({ grievanceId: grievance.id, assigneeId: viewerId })}
        >
          {take.isPending ? t.assign.pending : t.assign.takeIt}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t.assign.officerOnly}</p>
      {take.isError && <Alert tone="error">{userFacingError(take.error)}</Alert>}
    </div>
  );
}

export function AssignForm({
  grievance,
  viewer,
}: {
  grievance: GrievanceDetail;
  viewer: { id: string; role: Role };
}) {
  return viewer.role === "SUPERVISOR" || viewer.role === "ADMIN" ? (
    <SupervisorAssignForm grievance={grievance} />
  ) : (
    <OfficerAssign grievance={grievance} viewerId={viewer.id} />
  );
}
