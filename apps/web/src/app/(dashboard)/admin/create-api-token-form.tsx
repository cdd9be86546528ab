"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, TextField } from "@sunuwai/ui";
import { API_TOKEN_SCOPES } from "@sunuwai/validators";
import { formText } from "~/lib/form-data";
import { userFacingError } from "~/lib/user-facing-error";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.admin.createToken;

function NewTokenSecret({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" title={t.secretTitle}>
      <p>{t.secretBody}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          data-testid="new-token-secret"
          className="rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-emerald-300"
        >
          {token}
        </code>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            void navigator.clipboard.writeText(token).then(() => setCopied(true));
          }}
        >
          {copied ? t.copied : t.copy}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t.done}
        </Button>
      </div>
    </Alert>
  );
}

export function CreateApiTokenForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(
    trpc.admin.apiTokens.create.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.admin.apiTokens.list.queryKey() }),
    }),
  );

  if (create.data)
    return <NewTokenSecret token={create.data.token} onDone={() => create.reset()} />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = formText(form, "name").trim();
    const scopes = API_TOKEN_SCOPES.filter((scope) => form.getAll("scopes").includes(scope));
    if (!name) return setFormError(t.nameRequired);
    if (scopes.length === 0) return setFormError(t.scopesRequired);
    setFormError(null);
    create.mutate({ name, scopes });
  }

  const error = formError ?? (create.error ? userFacingError(create.error) : null);
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4"
    >
      <h3 className="text-sm font-semibold text-slate-900">{t.title}</h3>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        label={t.name}
        name="name"
        hint={t.nameHint}
        maxLength={100}
        required
        className="max-w-md"
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t.scopes}</legend>
        <p className="text-xs text-slate-500">{t.scopesHint}</p>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 font-mono text-xs text-slate-800">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                className="size-4 accent-indigo-700"
              />
              {scope}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" pending={create.isPending}>
        {create.isPending ? t.pending : t.submit}
      </Button>
    </form>
  );
}
