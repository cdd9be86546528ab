"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, EmptyState, TextField } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { userFacingError } from "~/lib/user-facing-error";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.intel.saved;

function splitKeywords(text: string): string[] {
  return text
    .split(/[,،、\n]/u)
    .map((k) => k.trim())
    .filter(Boolean);
}

/** A ward's saved keyword alerts: add, pause or resume, delete. */
export function SavedAlertsPanel({ wardCode }: { wardCode: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [keywords, setKeywords] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const saved = useQuery(trpc.intel.savedAlerts.list.queryOptions({ wardCode }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.intel.savedAlerts.list.pathKey() });
  const create = useMutation(
    trpc.intel.savedAlerts.create.mutationOptions({
      onSuccess: async () => {
        setKeywords("");
        await refresh();
      },
    }),
  );
  const update = useMutation(trpc.intel.savedAlerts.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.intel.savedAlerts.delete.mutationOptions({ onSuccess: refresh }));
  const failed = create.error ?? update.error ?? remove.error;

  return (
    <div className="grid gap-4">
      {!saved.data ? (
        <QueryStatus isPending={saved.isPending} isError={saved.isError} what={t.title} />
      ) : saved.data.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHelp}</EmptyState>
      ) : (
        <ul
          aria-label={t.title}
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
        >
          {saved.data.map((alert) => (
            <li key={alert.id} className="flex flex-wrap items-center gap-2 px-4 py-3">
              <Badge tone={alert.active ? "success" : "neutral"}>
                {alert.active ? t.active : t.paused}
              </Badge>
              <span className="flex flex-wrap gap-1">
                {alert.keywords.map((keyword) => (
                  <Badge key={keyword} tone="info">
                    {keyword}
                  </Badge>
                ))}
              </span>
              <span className="ml-auto flex gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => update.mutate({ id: alert.id, active: !alert.active })}
                >
                  {alert.active ? t.pause : t.resume}
                </Button>
                <Button
                  variant="danger"
                  size="sm"
                  onClick={() => {
                    if (window.confirm(t.confirmRemove)) remove.mutate({ id: alert.id });
                  }}
                >
                  {t.remove}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const list = splitKeywords(keywords);
          if (list.length === 0) {
            setFormError(t.keywordsRequired);
            return;
          }
          setFormError(null);
          create.mutate({ wardCode, keywords: list });
        }}
      >
        <TextField
          label={t.keywords}
          hint={t.keywordsHint}
          error={formError ?? undefined}
          value={keywords}
          onChange={(event) => setKeywords(event.target.value)}
          className="min-w-64 flex-1"
        />
        <Button type="submit" pending={create.isPending} className="mb-5">
          {create.isPending ? t.adding : t.add}
        </Button>
      </form>
      {failed && <Alert tone="error">{userFacingError(failed)}</Alert>}
    </div>
  );
}
