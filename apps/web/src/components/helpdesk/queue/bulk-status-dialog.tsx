"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Dialog } from "@sunuwai/ui";
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { BulkChangeStatusOutput, GrievanceStatusValue, QueueItem } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { ReasonField, useReason } from "../reason-field";
import { StatusSelectField } from "../status-select-field";

/** What staff may move each status to (the status machine, from the server). */
export type StaffTransitions = Record<GrievanceStatusValue, GrievanceStatusValue[]>;

/** Statuses at least one selected grievance can move to; the server checks each one again. */
export function reachableStatuses(
  statuses: GrievanceStatusValue[],
  transitions: StaffTransitions,
): GrievanceStatusValue[] {
  const reachable = new Set(statuses.flatMap((status) => transitions[status]));
  return GRIEVANCE_STATUSES.filter((status) => reachable.has(status));
}

function BulkForm({
  items,
  transitions,
  onDone,
}: {
  items: QueueItem[];
  transitions: StaffTransitions;
  onDone: (result: BulkChangeStatusOutput) => void;
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<GrievanceStatusValue | "">("");
  const reason = useReason();
  const options = reachableStatuses([...new Set(items.map((item) => item.status))], transitions);
  const change = useMutation(
    trpc.grievance.bulkChangeStatus.mutationOptions({
      onSuccess: async (result) => {
        onDone(result);
        await Promise.all([
          queryClient.invalidateQueries(trpc.grievance.queue.pathFilter()),
          queryClient.invalidateQueries(trpc.grievance.counts.pathFilter()),
        ]);
      },
    }),
  );
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        reason.touch();
        if (!status || !reason.valid) return;
        change.mutate({
          grievanceIds: items.map((item) => item.id),
          status,
          reason: reason.value,
        });
      }}
    >
      <ul className="flex max-h-24 flex-wrap gap-1 overflow-y-auto text-xs">
        {items.map((item) => (
          <li key={item.id} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">
            {item.reference}
          </li>
        ))}
      </ul>
      <StatusSelectField
        label={t.bulk.newStatus}
        placeholder={t.bulk.chooseStatus}
        options={options}
        value={status}
        onChange={setStatus}
      />
      <ReasonField
        reason={reason}
        label={t.bulk.reason}
        hint={t.bulk.reasonHint}
        tooShort={t.changeStatus.reasonTooShort}
      />
      {change.isError && <Alert tone="error">{userFacingError(change.error)}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" pending={change.isPending} disabled={!status || change.isPending}>
          {change.isPending ? t.bulk.pending : t.bulk.submit(items.length)}
        </Button>
      </div>
    </form>
  );
}

function BulkResult({ result, onClose }: { result: BulkChangeStatusOutput; onClose: () => void }) {
  const { t } = useHelpdeskText();
  return (
    <div className="grid gap-4">
      {result.changed.length > 0 && (
        <Alert tone="success" title={t.bulk.changed(result.changed.length)}>
          {result.changed.map((item) => item.reference).join(", ")}
        </Alert>
      )}
      {result.refused.length > 0 && (
        <Alert tone="error" title={t.bulk.refused(result.refused.length)}>
          <ul className="list-disc pl-5">
            {result.refused.map((item) => (
              <li key={item.id}>
                <span className="font-mono">{item.reference ?? item.id}</span>: {item.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="flex justify-end">
        <Button onClick={onClose}>{t.bulk.done}</Button>
      </div>
    </div>
  );
}

/** Supervisors: one status and one reason for every selected grievance; refusals are listed one by one. */
export function BulkStatusDialog({
  open,
  items,
  transitions,
  onClose,
  onChanged,
}: {
  open: boolean;
  items: QueueItem[];
  transitions: StaffTransitions;
  onClose: () => void;
  onChanged: (changedIds: string[]) => void;
}) {
  const { t } = useHelpdeskText();
  const [result, setResult] = useState<BulkChangeStatusOutput | null>(null);
  const close = () => {
    setResult(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      closeLabel={t.close}
      title={t.bulk.title(items.length)}
      description={result ? undefined : t.bulk.description}
    >
      {result ? (
        <BulkResult result={result} onClose={close} />
      ) : (
        <BulkForm
          items={items}
          transitions={transitions}
          onDone={(outcome) => {
            setResult(outcome);
            onChanged(outcome.changed.map((item) => item.id));
          }}
        />
      )}
    </Dialog>
  );
}
