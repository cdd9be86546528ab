"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button } from "@sunuwai/ui";
import type { GrievanceDetail, GrievanceStatusValue } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useStatusLabel } from "../labels";
import { useHelpdeskText } from "../language-provider";
import { ReasonField, useReason } from "../reason-field";
import { StatusSelectField } from "../status-select-field";
import { useAfterGrievanceChange } from "./use-grievance-mutation";

/** Only the statuses the status machine allows next are offered; the reason goes into the audit trail. */
export function StatusForm({ grievance }: { grievance: GrievanceDetail }) {
  const { t } = useHelpdeskText();
  const statusLabel = useStatusLabel();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievance.id);
  const [status, setStatus] = useState<GrievanceStatusValue | "">("");
  const reason = useReason();
  const change = useMutation(
    trpc.grievance.changeStatus.mutationOptions({
      onSuccess: async (state) => {
        setStatus("");
        reason.reset();
        await after(t.changeStatus.changed(statusLabel(state.status).primary));
      },
    }),
  );
  const current = statusLabel(grievance.status);
  if (grievance.allowedStatuses.length === 0)
    return (
      <p className="text-sm text-slate-600">
        {t.changeStatus.current(current.primary)}. {t.changeStatus.none}
      </p>
    );
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        reason.touch();
        if (!status || !reason.valid) return;
        change.mutate({ grievanceId: grievance.id, status, reason: reason.value });
      }}
    >
      <p className="text-sm text-slate-700">{t.changeStatus.current(current.primary)}</p>
      <StatusSelectField
        label={t.changeStatus.newStatus}
        hint={t.changeStatus.onlyListed}
        placeholder={t.changeStatus.choose}
        options={grievance.allowedStatuses}
        value={status}
        onChange={setStatus}
        className="max-w-sm"
      />
      <ReasonField
        reason={reason}
        label={t.changeStatus.reason}
        hint={t.changeStatus.reasonHint}
        tooShort={t.changeStatus.reasonTooShort}
      />
      {change.isError && <Alert tone="error">{userFacingError(change.error)}</Alert>}
      <div>
        <Button type="submit" pending={change.isPending} disabled={!status || change.isPending}>
          {change.isPending ? t.changeStatus.pending : t.changeStatus.submit}
        </Button>
      </div>
    </form>
  );
}
