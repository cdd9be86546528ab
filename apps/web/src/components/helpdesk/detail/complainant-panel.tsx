"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Dialog } from "@sunuwai/ui";
import type { GrievanceDetail } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { ReasonField, useReason } from "../reason-field";
import { useAfterGrievanceChange } from "./use-grievance-mutation";

interface Revealed {
  name?: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

function RevealForm({
  grievanceId,
  onRevealed,
}: {
  grievanceId: string;
  onRevealed: (values: Revealed) => void;
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievanceId);
  const reason = useReason();
  const reveal = useMutation(
    trpc.grievance.revealPii.mutationOptions({
      onSuccess: async (values) => {
        onRevealed(values);
        await after();
      },
    }),
  );
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        reason.touch();
        if (!reason.valid) return;
        reveal.mutate({ grievanceId, reason: reason.value });
      }}
    >
      <ReasonField
        reason={reason}
        label={t.complainant.reason}
        hint={t.complainant.reasonHint}
        tooShort={t.complainant.reasonTooShort}
        autoFocus
      />
      {reveal.isError && <Alert tone="error">{userFacingError(reveal.error)}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" variant="danger" pending={reveal.isPending}>
          {reveal.isPending ? t.complainant.pending : t.complainant.submit}
        </Button>
      </div>
    </form>
  );
}

/**
 * The complainant's contact details, masked. Supervisors, admins and the assigned officer can reveal them with a
 * reason; the reveal is logged (PII_REVEALED in the timeline) and the values live only in this page's memory.
 */
export function ComplainantPanel({ grievance }: { grievance: GrievanceDetail }) {
  const { t } = useHelpdeskText();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const { complainant } = grievance;
  const rows: { label: string; masked: string | null; plain: string | null | undefined }[] = [
    { label: t.complainant.name, masked: complainant.name || null, plain: revealed?.name },
    { label: t.complainant.phone, masked: complainant.phone, plain: revealed?.phone },
    { label: t.complainant.email, masked: complainant.email, plain: revealed?.email },
    { label: t.complainant.address, masked: complainant.address, plain: revealed?.address },
  ];
  return (
    <Card title={t.complainant.title} description={revealed ? undefined : t.complainant.masked}>
      <div className="grid gap-4">
        {revealed && <Alert tone="success">{t.complainant.revealed}</Alert>}
        <dl className="grid gap-3 text-sm" data-testid="complainant-details">
          {rows.map((row) => (
            <div key={row.label} className="grid grid-cols-3 gap-2">
              <dt className="text-slate-500">{row.label}</dt>
              <dd className="col-span-2 break-words text-slate-900">
                {revealed ? (
                  (row.plain ?? <span className="text-slate-400">{t.notGiven}</span>)
                ) : row.masked ? (
                  <span className="font-mono">{row.masked}</span>
                ) : (
                  <span className="text-slate-400">{t.notGiven}</span>
                )}
              </dd>
            </div>
          ))}
          <div className="grid grid-cols-3 gap-2">
            <dt className="text-slate-500">{t.complainant.municipality}</dt>
            <dd className="col-span-2 text-slate-900">
              {complainant.municipality ?? <span className="text-slate-400">{t.notGiven}</span>}
            </dd>
          </div>
        </dl>
        {revealed ? (
          <div>
            <Button variant="secondary" size="sm" onClick={() => setRevealed(null)}>
              {t.complainant.hide}
            </Button>
          </div>
        ) : grievance.canRevealPii ? (
          <div>
            <Button variant="danger" size="sm" onClick={() => setDialogOpen(true)}>
              {t.complainant.reveal}
            </Button>
          </div>
        ) : (
          <p className="text-xs text-slate-500">{t.complainant.notAllowed}</p>
        )}
      </div>
      <Dialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        closeLabel={t.close}
        title={t.complainant.dialogTitle}
        description={t.complainant.dialogDescription}
      >
        <RevealForm
          grievanceId={grievance.id}
          onRevealed={(values) => {
            setRevealed(values);
            setDialogOpen(false);
          }}
        />
      </Dialog>
    </Card>
  );
}
