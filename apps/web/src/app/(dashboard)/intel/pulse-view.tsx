"use client";

import { useState } from "react";
import type { ReactNode } from "react";
import { Badge, EmptyState, cn } from "@sunuwai/ui";
import { SentimentChart, ShareChart, VolumeChart } from "@sunuwai/ui/charts";
import type { RouterOutputs } from "@sunuwai/api";
import { en } from "~/messages/en";
import { Command } from "./command";
import { EvidenceList } from "./evidence-list";
import { formatDay, formatSentiment, formatShare } from "./format";
import { WarningBox } from "./warning-box";

const t = en.intel.pulse;

type Pulse = RouterOutputs["intel"]["pulse"];
type Figure = Pulse["topics"][number];

/** The figure whose articles are listed: a day, a topic, a party or a source. */
interface Selection {
  id: string;
  title: string;
  postIds: string[];
  warnings: string[];
}

function Section({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={cn("min-w-0", className)}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function FigureList({
  kind,
  figures,
  selectedId,
  onSelect,
}: {
  kind: string;
  figures: Figure[];
  selectedId: string | null;
  onSelect: (selection: Selection) => void;
}) {
  if (figures.length === 0) return <p className="text-sm text-slate-600">{t.noFigures}</p>;
  return (
    <ul className="mt-2 space-y-1">
      {figures.map((figure) => {
        const id = `${kind}:${figure.key}`;
        return (
          <li key={figure.key}>
            <button
              type="button"
              aria-pressed={selectedId === id}
              onClick={() =>
                onSelect({
                  id,
                  title: figure.key,
                  postIds: figure.postIds,
                  warnings: figure.warnings,
                })
              }
              className={cn(
                "flex w-full flex-wrap items-baseline gap-x-2 rounded px-2 py-1 text-left text-sm hover:bg-indigo-50",
                selectedId === id && "bg-amber-50 ring-1 ring-amber-300",
              )}
            >
              <span className="font-medium text-slate-900">{figure.key}</span>
              <span className="text-slate-600">
                {t.figure(figure.posts, formatShare(figure.share, 0))}
              </span>
              {figure.warnings.length > 0 && (
                <Badge tone="warning" className="ml-auto">
                  <span aria-hidden="true">⚠&nbsp;</span>
                  {t.thinBadge}
                  <span className="sr-only">: {figure.warnings.join("; ")}</span>
                </Badge>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A ward's pulse for the period: volume and sentiment per day, top topics, party share and top sources. Clicking a
 * bar, a point or a figure lists the articles behind it with that figure's own warnings.
 */
export function PulseView({ pulse }: { pulse: Pulse }) {
  const [selected, setSelected] = useState<Selection | null>(null);
  const selectDay = (day: string) => {
    const point = pulse.daily.find((d) => d.day === day);
    if (point)
      setSelected({
        id: `day:${day}`,
        title: t.day(formatDay(day)),
        postIds: point.postIds,
        warnings: point.warnings,
      });
  };
  const share = (figures: Figure[]) =>
    figures.map((f) => ({
      key: f.key,
      posts: f.posts,
      share: f.share,
      thin: f.warnings.length > 0,
    }));
  const lists = [
    { kind: "topic", title: t.topicsTitle, figures: pulse.topics },
    { kind: "party", title: t.partiesTitle, figures: pulse.parties },
    { kind: "source", title: t.sourcesTitle, figures: pulse.sources },
  ];

  if (pulse.totals.posts === 0) {
    return (
      <EmptyState title={t.empty}>
        {t.emptyHelpBefore} <Command>pnpm ingest &lt;file&gt;</Command> {t.emptyHelpAfter}
      </EmptyState>
    );
  }

  return (
    <div className="grid gap-6">
      <WarningBox title={t.warningsTitle} warnings={pulse.warnings} />
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="sr-only">{t.coverage}</dt>
          <dd className="font-semibold text-slate-900">
            {t.totals(pulse.totals.posts, pulse.totals.outlets)}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">{t.averageSentiment}</dt>
          <dd className="font-medium tabular-nums">
            {formatSentiment(pulse.totals.averageSentiment)}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">{t.negativeShare}</dt>
          <dd className="font-medium tabular-nums">
            {pulse.totals.negativeShare === null ? "—" : formatShare(pulse.totals.negativeShare, 0)}
          </dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t.volumeTitle}>
          <VolumeChart
            data={pulse.daily.map((d) => ({
              day: d.day,
              posts: d.posts,
              thin: d.warnings.length > 0,
            }))}
            label={t.volumeLabel(pulse.totals.posts, pulse.daily.length)}
            selectedDay={selected?.id.startsWith("day:") ? selected.id.slice(4) : null}
            onSelectDay={selectDay}
          />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-700">{t.busiestDays}</summary>
            <ul className="mt-1 flex flex-wrap gap-1">
              {pulse.daily
                .filter((d) => d.posts > 0)
                .map((d) => (
                  <li key={d.day}>
                    <button
                      type="button"
                      onClick={() => selectDay(d.day)}
                      className="rounded px-2 py-0.5 ring-1 ring-slate-200 hover:bg-indigo-50"
                    >
                      {formatDay(d.day)}: {d.posts}
                    </button>
                  </li>
                ))}
            </ul>
          </details>
        </Section>
        <Section title={t.sentimentTitle}>
          <SentimentChart
            data={pulse.daily.map((d) => ({ day: d.day, sentiment: d.averageSentiment }))}
            label={t.sentimentLabel}
            onSelectDay={selectDay}
          />
        </Section>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        {lists.map((list) => (
          <Section key={list.kind} title={list.title}>
            {list.figures.length > 0 && (
              <ShareChart
                data={share(list.figures)}
                label={t.shareLabel(list.title, list.figures.length)}
                testId={`${list.kind}-chart`}
                selectedKey={
                  selected?.id.startsWith(`${list.kind}:`)
                    ? selected.id.slice(list.kind.length + 1)
                    : null
                }
                onSelect={(key) => {
                  const figure = list.figures.find((f) => f.key === key);
                  if (figure)
                    setSelected({
                      id: `${list.kind}:${key}`,
                      title: key,
                      postIds: figure.postIds,
                      warnings: figure.warnings,
                    });
                }}
              />
            )}
            <FigureList
              kind={list.kind}
              figures={list.figures}
              selectedId={selected?.id ?? null}
              onSelect={setSelected}
            />
          </Section>
        ))}
      </div>

      <section aria-live="polite" className="rounded-md bg-slate-50 p-4">
        <h3 className="text-sm font-semibold text-slate-900">
          {t.evidenceTitle}
          {selected && <>: {selected.title}</>}
        </h3>
        {selected ? (
          <div className="mt-3 grid gap-3">
            <WarningBox title={t.warningsTitle} warnings={selected.warnings} />
            <EvidenceList
              key={selected.id}
              postIds={selected.postIds}
              label={`${t.evidenceTitle}: ${selected.title}`}
            />
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t.evidenceHint}</p>
        )}
      </section>
    </div>
  );
}
