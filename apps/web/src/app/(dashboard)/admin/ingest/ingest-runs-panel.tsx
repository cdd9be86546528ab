"use client";

import { Fragment, useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Badge,
  Button,
  EmptyState,
  Spinner,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  Th,
} from "@sunuwai/ui";
import type { BadgeTone } from "@sunuwai/ui";
import type { RouterOutputs } from "@sunuwai/api";
import { QueryStatus } from "~/components/query-status";
import { formatDateTime } from "~/lib/format";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.intel.ingest;
/** While any run is RUNNING the list is polled this often (ms), so counters move on screen. */
const LIVE_REFRESH_MS = 2_000;

type Run = RouterOutputs["intel"]["ingestRuns"]["list"]["items"][number];

const STATUS_TONE: Record<Run["status"], BadgeTone> = {
  RUNNING: "info",
  SUCCEEDED: "success",
  PARTIAL: "warning",
  FAILED: "danger",
};

function BadLines({ run }: { run: Run }) {
  return (
    <div className="bg-slate-50 px-4 py-3">
      {run.errors.length < run.invalid && (
        <p className="mb-2 text-xs text-slate-600">
          {t.errorsCapped(run.errors.length, run.invalid)}
        </p>
      )}
      <Table caption={`${t.badLines(run.invalid)}: ${run.file}`}>
        <TableHead>
          <Th className="text-right">{t.line}</Th>
          <Th>{t.error}</Th>
        </TableHead>
        <TableBody>
          {run.errors.map((e, index) => (
            <TableRow key={`${e.line ?? "file"}-${index}`}>
              <Td className="text-right font-mono tabular-nums">{e.line ?? t.wholeFile}</Td>
              <Td>{e.error}</Td>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Ingestion runs newest first with their counts; polled every 2 s while one is running; bad lines by number. */
export function IngestRunsPanel() {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const runs = useQuery({
    ...trpc.intel.ingestRuns.list.queryOptions({ limit: 30 }),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === "RUNNING") ? LIVE_REFRESH_MS : false,
  });
  // A finished run has moved its file out of the inbox: refresh the inbox list so it is not offered again.
  const running = runs.data?.items.filter((run) => run.status === "RUNNING").length ?? 0;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (running < wasRunning.current)
      void queryClient.invalidateQueries({ queryKey: trpc.intel.inboxFiles.pathKey() });
    wasRunning.current = running;
  }, [running, queryClient, trpc]);
  if (!runs.data)
    return <QueryStatus isPending={runs.isPending} isError={runs.isError} what={t.runsTitle} />;
  if (runs.data.items.length === 0) {
    return (
      <EmptyState title={t.runsEmpty}>
        {t.runsEmptyHelpBefore}{" "}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
          pnpm ingest &lt;file&gt;
        </code>{" "}
        {t.runsEmptyHelpAfter}
      </EmptyState>
    );
  }
  const c = t.column;
  return (
    <Table caption={t.runsTitle}>
      <TableHead>
        <Th>{c.file}</Th>
        <Th>{c.status}</Th>
        <Th className="text-right">{c.lines}</Th>
        <Th className="text-right">{c.inserted}</Th>
        <Th className="text-right">{c.duplicates}</Th>
        <Th className="text-right">{c.nearDuplicates}</Th>
        <Th className="text-right">{c.invalid}</Th>
        <Th>{c.started}</Th>
        <Th>{c.finished}</Th>
      </TableHead>
      <TableBody>
        {runs.data.items.map((run) => (
          <Fragment key={run.id}>
            <TableRow>
              <Td className="max-w-64 min-w-32 font-mono text-xs break-all">{run.file}</Td>
              <Td>
                <Badge tone={STATUS_TONE[run.status]}>
                  {run.status === "RUNNING" && <Spinner />}
                  {t.status[run.status]}
                </Badge>
              </Td>
              <Td className="text-right tabular-nums">{run.linesTotal.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums">{run.inserted.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums">{run.duplicates.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums">{run.nearDuplicates.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums">
                {run.errors.length > 0 ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="whitespace-nowrap"
                    aria-expanded={open === run.id}
                    onClick={() => setOpen(open === run.id ? null : run.id)}
                  >
                    {open === run.id
                      ? t.hideBadLines
                      : t.badLines(Math.max(run.invalid, run.errors.length))}
                  </Button>
                ) : (
                  run.invalid.toLocaleString("en")
                )}
              </Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(run.startedAt)}</Td>
              <Td className="whitespace-nowrap text-slate-600">
                {run.finishedAt ? formatDateTime(run.finishedAt) : t.running}
              </Td>
            </TableRow>
            {open === run.id && (
              <tr>
                <td colSpan={9}>
                  <BadLines run={run} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}
