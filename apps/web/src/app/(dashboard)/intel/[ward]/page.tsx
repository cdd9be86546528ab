import type { Metadata } from "next";
import Link from "next/link";
import { Card, cn } from "@sunuwai/ui";
import { PULSE_PERIODS, parsePulseDays, pulsePeriod, DEFAULT_PULSE_DAYS } from "~/lib/intel-period";
import { en } from "~/messages/en";
import { orNotFound, serverCaller } from "~/server/caller";
import { AlertsPanel } from "../alerts-panel";
import { formatDay } from "../format";
import { PredictionPanel } from "../prediction-panel";
import { PulseView } from "../pulse-view";
import { SavedAlertsPanel } from "../saved-alerts-panel";
import { WardProfile } from "../ward-profile";

const t = en.intel;

interface WardPageProps {
  params: Promise<{ ward: string }>;
  searchParams: Promise<{ days?: string | string[] }>;
}

export async function generateMetadata({ params }: WardPageProps): Promise<Metadata> {
  return { title: `${(await params).ward} · ${t.title}` };
}

const linkClass = "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium";

/** One ward: pulse for a period, alerts, saved keyword alerts, profile with Form 20 aggregates, prediction and ledger. */
export default async function WardPage({ params, searchParams }: WardPageProps) {
  const wardCode = (await params).ward;
  const given = (await searchParams).days;
  const days = parsePulseDays(typeof given === "string" ? given : null) ?? DEFAULT_PULSE_DAYS;
  const period = pulsePeriod(days);
  const caller = await serverCaller();
  const [pulse, meta, latest, ledger] = await Promise.all([
    orNotFound(caller.intel.pulse({ wardCode, ...period })),
    orNotFound(caller.intel.wardMeta({ wardCode })),
    orNotFound(caller.intel.prediction.latest({ wardCode })),
    orNotFound(caller.intel.ledger({ wardCode })),
  ]);
  const { ward } = meta;
  const code = encodeURIComponent(ward.code);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/intel" className="text-indigo-700 underline-offset-2 hover:underline">
          {t.title}
        </Link>
      </nav>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {ward.name}
            {ward.localName && (
              <span className="ml-3 font-normal text-slate-700">{ward.localName}</span>
            )}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <span className="font-mono">{ward.code}</span> · {ward.municipality}, {ward.district}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/intel/export/pulse?ward=${code}&days=${days}`}
            download
            className={cn(linkClass, "bg-white ring-1 ring-slate-300 hover:bg-slate-50")}
          >
            {t.export.pulse}
          </a>
          {meta.elections.length > 0 && (
            <a
              href={`/api/intel/export/results?ward=${code}`}
              download
              className={cn(linkClass, "bg-white ring-1 ring-slate-300 hover:bg-slate-50")}
            >
              {t.export.results}
            </a>
          )}
        </div>
      </div>

      <div className="grid gap-6">
        <Card
          title={t.pulse.title}
          description={`${t.period.range(formatDay(pulse.from), formatDay(pulse.to))} · ${t.pulse.description}`}
          actions={
            <nav aria-label={t.period.label} className="flex gap-1">
              {PULSE_PERIODS.map((n) => (
                <Link
                  key={n}
                  href={`/intel/${code}?days=${n}`}
                  aria-current={n === days ? "page" : undefined}
                  className={cn(
                    linkClass,
                    n === days
                      ? "bg-indigo-50 text-indigo-800"
                      : "text-slate-600 hover:bg-slate-100",
                  )}
                >
                  {t.period.days(n)}
                </Link>
              ))}
            </nav>
          }
        >
          <PulseView key={`${pulse.from}:${pulse.to}`} pulse={pulse} />
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t.alerts.title} description={t.alerts.description}>
            <AlertsPanel wardCode={ward.code} />
          </Card>
          <Card title={t.saved.title} description={t.saved.description}>
            <SavedAlertsPanel wardCode={ward.code} />
          </Card>
        </div>

        <Card title={t.profile.title}>
          <WardProfile meta={meta} />
        </Card>

        <Card title={t.prediction.title} description={t.prediction.description}>
          <PredictionPanel
            wardCode={ward.code}
            latest={latest}
            ledger={ledger}
            hasForm20={meta.elections.length > 0}
          />
        </Card>
      </div>
    </>
  );
}
