"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, SelectField, TextareaField } from "@sunuwai/ui";
import type { GrievanceDetail, GrievanceStatusValue } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useStatusLabel } from "../labels";
import { useHelpdeskText } from "../language-provider";
import { useAfterGrievanceChange } from "./use-grievance-mutation";

const MIN_REASON = 5;

/** Only the statuses the status machine allows next are offered; the reason goes into the audit trail. */
export function StatusForm({ grievance }: { grievance: GrievanceDetail }) {
  const { t } = useHelpdeskText();
  const statusLabel = useStatusLabel();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievance.id);
  const [status, setStatus] = useState<GrievanceStatusValue | "">("");
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const change = useMutation(
    trpc.grievance.changeStatus.mutationOptions({
      onSuccess: async (state) => {
        setStatus("");
        setReason("");
        setTouched(false);
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
  const reasonError =
    touched && reason.trim().length < MIN_REASON ? t.changeStatus.reasonTooShort : undefined;
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!status || reason.trim().length < MIN_REASON) return;
        change.mutate({ grievanceId: grievance.id, status, reason: reason.trim() });
      }}
    >
      <p className="text-sm text-slate-700">{t.changeStatus.current(current.primary)}</p>
      <SelectField
        label={t.changeStatus.newStatus}
        hint={t.changeStatus.onlyListed}
        value={status}
        required
        onChange={(event) => setStatus(event.target.value as GrievanceStatusValue | "")}
        className="max-w-sm"
      >
        <option value="">{t.changeStatus.choose}</option>
        {grievance.allowedStatuses.map((option) => (
          <option key={option} value={option}>
            {statusLabel(option).primary} · {statusLabel(option).secondary}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t.changeStatus.reason}
        hint={t.changeStatus.reasonHint}
        value={reason}
        required
        maxLength={1000}
        error={reasonError}
        onChange={(event) => setReason(event.target.value)}
        onBlur={() => setTouched(true)}
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
