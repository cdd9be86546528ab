"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, Badge, Button, Card, SelectField } from "@sunuwai/ui";
import { PRIORITIES } from "@sunuwai/validators";
import type { GrievanceDetail } from "@sunuwai/validators";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { ClassificationBadge } from "../labels";
import type { Priority } from "../labels";
import { useHelpdeskText } from "../language-provider";
import { useAfterGrievanceChange } from "./use-grievance-mutation";

function OverrideForm({
  grievance,
  categories,
  onDone,
}: {
  grievance: GrievanceDetail;
  categories: string[];
  onDone: () => void;
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievance.id);
  const [chosen, setChosen] = useState<string[]>(grievance.categories);
  const [priority, setPriority] = useState<Priority | "">("");
  const [missing, setMissing] = useState(false);
  const save = useMutation(
    trpc.grievance.confirmClassification.mutationOptions({
      onSuccess: async () => {
        onDone();
        await after(t.classification.saved);
      },
    }),
  );
  // The configured list, plus anything the grievance already carries that the list no longer has.
  const options = [...new Set([...categories, ...grievance.categories])];
  return (
    <form
      className="mt-4 grid gap-4 rounded-md border border-slate-200 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length === 0) {
          setMissing(true);
          return;
        }
        save.mutate({
          grievanceId: grievance.id,
          categories: chosen,
          ...(priority ? { priority } : {}),
        });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          {t.classification.overrideLegend}
        </legend>
        <p className="mt-0.5 text-xs text-slate-500">{t.classification.overrideHint}</p>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {options.map((category) => (
            <label key={category} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-indigo-700"
                checked={chosen.includes(category)}
                onChange={(event) => {
                  setMissing(false);
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, category]
                      : current.filter((item) => item !== category),
                  );
                }}
              />
              {category}
            </label>
          ))}
        </div>
        {missing && (
          <p role="alert" className="mt-2 text-xs text-red-700">
            {t.classification.chooseOne}
          </p>
        )}
      </fieldset>
      <SelectField
        label={t.classification.priority}
        value={priority}
        onChange={(event) => setPriority(event.target.value as Priority | "")}
        className="max-w-xs"
      >
        <option value="">
          {t.classification.keepPriority} ({t.priorities[grievance.priority]})
        </option>
        {PRIORITIES.map((option) => (
          <option key={option} value={option}>
            {t.priorities[option]}
          </option>
        ))}
      </SelectField>
      {save.isError && <Alert tone="error">{userFacingError(save.error)}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? t.classification.saving : t.classification.save}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

/** The categories, where they came from (classifier, offline fallback, a person), and confirm or change them. */
export function ClassificationPanel({
  grievance,
  categories,
}: {
  grievance: GrievanceDetail;
  categories: string[];
}) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievance.id);
  const [editing, setEditing] = useState(false);
  const confirm = useMutation(
    trpc.grievance.confirmClassification.mutationOptions({
      onSuccess: () => after(t.classification.confirmed),
    }),
  );
  const status = grievance.classificationStatus;
  const offline = grievance.classifiedBy?.startsWith("offline:") ?? false;
  const canConfirm =
    grievance.categories.length > 0 &&
    status !== "OFFICER_CONFIRMED" &&
    status !== "COMPLAINANT_CONFIRMED";

  return (
    <Card title={t.classification.title}>
      <div className="grid gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <ClassificationBadge status={status} />
          {(status === "FALLBACK_GENERATED" || status === "LLM_FAILED") && (
            <ClassificationBadge status={status} compact />
          )}
        </div>
        {grievance.categories.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5" aria-label={t.classification.title}>
            {grievance.categories.map((category) => (
              <li key={category}>
                <Badge tone="info" className="text-sm">
                  {category}
                </Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t.classification.none}</p>
        )}
        {status === "PENDING" && (
          <p className="text-sm text-slate-600">{t.classification.pendingHelp}</p>
        )}
        {status === "LLM_FAILED" && <Alert tone="error">{t.classification.failedHelp}</Alert>}
        {grievance.classifiedBy && (
          <p className="text-xs text-slate-500">
            {t.classification.classifier(
              offline
                ? `${grievance.classifiedBy} — ${t.classification.classifierOffline}`
                : grievance.classifiedBy,
            )}
          </p>
        )}
        {confirm.isError && <Alert tone="error">{userFacingError(confirm.error)}</Alert>}
        {!editing && (
          <div className="flex flex-wrap gap-2">
            {canConfirm && (
              <Button
                pending={confirm.isPending}
                onClick={() => confirm.mutate({ grievanceId: grievance.id })}
              >
                {confirm.isPending ? t.classification.confirming : t.classification.confirm}
              </Button>
            )}
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t.classification.override}
            </Button>
          </div>
        )}
        {editing && (
          <OverrideForm
            grievance={grievance}
            categories={categories}
            onDone={() => setEditing(false)}
          />
        )}
      </div>
    </Card>
  );
}
