import { EmptyState, Table, TableBody, TableHead, TableRow, Td, Th } from "@sunuwai/ui";
import type { RouterOutputs } from "@sunuwai/api";
import { en } from "~/messages/en";
import { Command } from "./command";
import { formatCount, formatDateTime, formatShare } from "./format";

const t = en.intel.profile;

type WardMeta = RouterOutputs["intel"]["wardMeta"];

function display(value: unknown): string {
  if (typeof value === "number") return value.toLocaleString("en");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function KeyValues({ title, values }: { title: string; values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt className="text-slate-600">{key}</dt>
            <dd className="font-medium text-slate-900">{display(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Profile figures, demographics, features and the Form 20 aggregates per election (turnout, shares, margin). */
export function WardProfile({ meta }: { meta: WardMeta }) {
  const { profile } = meta;
  return (
    <div className="grid gap-6">
      <p className="text-xs text-slate-500">{t.updatedAt(formatDateTime(meta.updated_at))}</p>
      {profile ? (
        <dl className="grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-slate-600">{t.population}</dt>
            <dd className="text-lg font-semibold">
              {profile.population === null ? "—" : formatCount(profile.population)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t.households}</dt>
            <dd className="text-lg font-semibold">
              {profile.households === null ? "—" : formatCount(profile.households)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t.area}</dt>
            <dd className="text-lg font-semibold">
              {profile.areaSqKm === null ? "—" : t.areaValue(profile.areaSqKm)}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-slate-600">{t.noProfile}</p>
      )}
      <KeyValues title={t.demographics} values={meta.demographics} />
      <KeyValues title={t.features} values={meta.features} />

      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t.electionsTitle}</h3>
        {meta.elections.length === 0 ? (
          <EmptyState title={t.noElections} className="mt-2">
            {t.noElectionsHelpBefore} <Command>pnpm intel:form20 &lt;csv&gt;</Command>{" "}
            {t.noElectionsHelpAfter}
          </EmptyState>
        ) : (
          <div className="mt-2 grid gap-4">
            {meta.elections.map((election) => (
              <div key={election.election} className="rounded-md border border-slate-200 p-4">
                <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-slate-600">{t.election}</dt>
                    <dd className="font-semibold">{election.election}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">{t.turnout}</dt>
                    <dd className="font-semibold">
                      {election.turnout === null ? t.turnoutUnknown : formatShare(election.turnout)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">{t.winner}</dt>
                    <dd className="font-semibold">{election.winner ?? "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">{t.margin}</dt>
                    <dd className="font-semibold">
                      {election.margin === null
                        ? "—"
                        : t.marginValue(election.margin, formatShare(election.marginShare ?? 0))}
                    </dd>
                  </div>
                </dl>
                <p className="mt-2 text-xs text-slate-500">
                  {t.stations}: {election.pollingStations} · {t.validVotes}:{" "}
                  {formatCount(election.validVotes)} ·{" "}
                  {t.updatedAt(formatDateTime(election.updatedAt))}
                </p>
                <Table caption={`${t.electionsTitle}: ${election.election}`} className="mt-3">
                  <TableHead>
                    <Th>{t.party}</Th>
                    <Th className="text-right">{t.votes}</Th>
                    <Th className="w-1/2">{t.share}</Th>
                  </TableHead>
                  <TableBody>
                    {election.parties.map((party) => (
                      <TableRow key={party.party}>
                        <Td className="font-medium">{party.party}</Td>
                        <Td className="text-right tabular-nums">{formatCount(party.votes)}</Td>
                        <Td>
                          <div className="flex items-center gap-2">
                            <div className="h-2 flex-1 rounded bg-slate-100" aria-hidden="true">
                              <div
                                className="h-2 rounded bg-indigo-600"
                                style={{ width: formatShare(party.share) }}
                              />
                            </div>
                            <span className="w-14 text-right tabular-nums">
                              {formatShare(party.share)}
                            </span>
                          </div>
                        </Td>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
