"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, EmptyState } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { userFacingError } from "~/lib/user-facing-error";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.intel.ingest;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Picks a JSONL file waiting in the inbox and queues its ingestion for the worker. */
export function StartIngestForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const files = useQuery(trpc.intel.inboxFiles.queryOptions());
  const [chosen, setChosen] = useState("");
  const ingest = useMutation(
    trpc.intel.ingest.mutationOptions({
      onSuccess: async () => {
        setChosen("");
        await queryClient.invalidateQueries({ queryKey: trpc.intel.ingestRuns.list.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.intel.inboxFiles.pathKey() });
      },
    }),
  );
  if (!files.data)
    return <QueryStatus isPending={files.isPending} isError={files.isError} what={t.startTitle} />;
  if (files.data.length === 0) {
    return (
      <EmptyState title={t.inboxEmpty}>
        {t.inboxEmptyHelpBefore}{" "}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
          pnpm ingest &lt;file&gt;
        </code>
        {t.inboxEmptyHelpAfter}
        {ingest.data && <p className="mt-2 text-emerald-800">{t.queued(ingest.data.file)}</p>}
      </EmptyState>
    );
  }
  const file = chosen || files.data[0]?.name || "";
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        ingest.mutate({ file });
      }}
    >
      <div className="min-w-64 flex-1">
        <label htmlFor="inbox-file" className="block text-sm font-medium text-slate-800">
          {t.file}
        </label>
        <select
          id="inbox-file"
          value={file}
          onChange={(event) => setChosen(event.target.value)}
          className="mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm"
        >
          {files.data.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name} ({formatBytes(f.bytes)})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" pending={ingest.isPending}>
        {ingest.isPending ? t.starting : t.start}
      </Button>
      {ingest.data && (
        <Alert tone="success" className="w-full">
          {t.queued(ingest.data.file)}
        </Alert>
      )}
      {ingest.isError && (
        <Alert tone="error" className="w-full">
          {userFacingError(ingest.error)}
        </Alert>
      )}
    </form>
  );
}
