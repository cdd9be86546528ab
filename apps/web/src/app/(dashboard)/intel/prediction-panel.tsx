"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  TextField,
  Th,
} from "@sunuwai/ui";
import { VoteShareChart } from "@sunuwai/ui/charts";
import type { RouterOutputs } from "@sunuwai/api";
import { userFacingError } from "~/lib/user-facing-error";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";
import { Command } from "./command";
import { formatDateTime, formatShare } from "./format";

const t = en.intel.prediction;

type Prediction = NonNullable<RouterOutputs["intel"]["prediction"]["latest"]>;
type Ledger = RouterOutputs["intel"]["ledger"];

function LatestPrediction({ prediction }: { prediction: Prediction }) {
  const parties = Object.entries(prediction.voteShares).sort((a, b) => b[1] - a[1]);
  return (
    <div className="grid gap-4">
      <p className="text-sm font-medium text-slate-900">
        {t.latest(prediction.election, formatDateTime(prediction.asOf))}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <VoteShareChart
          label={t.chartLabel(prediction.election)}
          data={parties.map(([party, share]) => {
            const [low, high] = prediction.interval[party] ?? [share, share];
            return { party, share, low, high };
          })}
        />
        <Table caption={t.chartLabel(prediction.election)}>
          <TableHead>
            <Th>{t.party}</Th>
            <Th className="text-right">{t.share}</Th>
            <Th className="text-right">{t.interval}</Th>
          </TableHead>
          <TableBody>
            {parties.map(([party, share]) => {
              const [low, high] = prediction.interval[party] ?? [share, share];
              return (
                <TableRow key={party}>
                  <Td className="font-medium">{party}</Td>
                  <Td className="text-right tabular-nums">{formatShare(share)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatShare(low)} – {formatShare(high)}
                  </Td>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t.method}</h3>
        <p className="mt-1 max-w-prose text-sm whitespace-pre-line text-slate-700">
          {prediction.method}
        </p>
      </div>
    </div>
  );
}

function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { summary } = ledger;
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold text-slate-900">{t.ledgerTitle}</h3>
      <p className="text-sm text-slate-700">
        {t.ledgerSummary(
          summary.scored,
          summary.meanAbsError === null ? null : formatShare(summary.meanAbsError),
          summary.winnerCorrect,
        )}
      </p>
      {ledger.predictions.length === 0 ? (
        <p className="text-sm text-slate-600">{t.ledgerEmpty}</p>
      ) : (
        <Table caption={t.ledgerTitle}>
          <TableHead>
            <Th>{t.election}</Th>
            <Th>{t.asOf}</Th>
            <Th className="text-right">{t.mae}</Th>
            <Th>{t.winner}</Th>
          </TableHead>
          <TableBody>
            {ledger.predictions.map((p) => (
              <TableRow key={p.id}>
                <Td className="font-medium">{p.election}</Td>
                <Td className="whitespace-nowrap text-slate-600">{formatDateTime(p.asOf)}</Td>
                <Td className="text-right tabular-nums">
                  {p.meanAbsError === null ? "—" : formatShare(p.meanAbsError)}
                </Td>
                <Td>
                  {p.scoredAt === null ? (
                    <Badge>{t.open}</Badge>
                  ) : (
                    <Badge tone={p.winnerCorrect ? "success" : "danger"}>
                      {p.winnerCorrect ? t.yes : t.no}
                    </Badge>
                  )}
                </Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

/** The ward's newest prediction (shares, intervals, the method in words), a form for a new one, and the ledger. */
export function PredictionPanel({
  wardCode,
  latest,
  ledger,
  hasForm20,
}: {
  wardCode: string;
  latest: Prediction | null;
  ledger: Ledger;
  hasForm20: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [election, setElection] = useState(latest?.election ?? "");
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(
    trpc.intel.prediction.create.mutationOptions({
      onSuccess: () => startRefresh(() => router.refresh()),
    }),
  );
  const pending = create.isPending || refreshing;

  return (
    <div className="grid gap-6">
      {latest ? (
        <LatestPrediction prediction={latest} />
      ) : hasForm20 ? (
        <EmptyState title={t.none}>{t.noneHelp}</EmptyState>
      ) : (
        <EmptyState title={t.none}>
          {t.needsForm20Before} <Command>pnpm intel:form20 &lt;csv&gt;</Command>{" "}
          {t.needsForm20After}
        </EmptyState>
      )}
      {hasForm20 && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (election.trim() === "") {
              setFormError(t.electionRequired);
              return;
            }
            setFormError(null);
            create.mutate({ wardCode, election: election.trim() });
          }}
        >
          <TextField
            label={t.election}
            hint={t.electionHint}
            error={formError ?? undefined}
            value={election}
            onChange={(event) => setElection(event.target.value)}
            className="min-w-64 flex-1"
          />
          <Button type="submit" pending={pending} className="mb-5">
            {pending ? t.creating : t.create}
          </Button>
        </form>
      )}
      {create.isError && <Alert tone="error">{userFacingError(create.error)}</Alert>}
      <LedgerTable ledger={ledger} />
    </div>
  );
}
