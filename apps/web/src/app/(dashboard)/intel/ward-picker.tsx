"use client";

import { useId, useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { en } from "~/messages/en";

const t = en.intel.picker;
const SHOWN = 12;

export interface PickableWard {
  code: string;
  name: string;
  localName: string | null;
  municipality: string;
  posts: number;
}

/** Lower-cased NFC text without spaces, so "kmc 01", "Jubilee  hills" and "జూబ్లీ" all find their ward. */
function searchKey(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("en")
    .replace(/[\s_-]+/gu, "");
}

/** Searchable ward list: type a code, an English or a local-script name; Enter opens the first match. */
export function WardPicker({ wards, days }: { wards: PickableWard[]; days: number }) {
  const [query, setQuery] = useState("");
  const router = useRouter();
  const listId = useId();
  const indexed = useMemo(
    () =>
      wards.map((ward) => ({
        ward,
        key: searchKey(`${ward.code} ${ward.name} ${ward.localName ?? ""} ${ward.municipality}`),
      })),
    [wards],
  );
  const needle = searchKey(query);
  const matches =
    needle === "" ? [] : indexed.filter((w) => w.key.includes(needle)).map((w) => w.ward);
  const href = (code: string) => `/intel/${encodeURIComponent(code)}?days=${days}`;

  return (
    <div className="relative">
      <label htmlFor={`${listId}-input`} className="block text-sm font-medium text-slate-800">
        {t.label}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        value={query}
        placeholder={t.placeholder}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          const first = matches[0];
          if (event.key === "Enter" && first) router.push(href(first.code));
        }}
        className="mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/30 focus:outline-none"
      />
      {needle !== "" && (
        <div className="mt-2 rounded-md border border-slate-200 bg-white shadow-sm">
          {matches.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600">{t.noMatch(query)}</p>
          ) : (
            <ul
              id={listId}
              role="listbox"
              aria-label={t.label}
              className="divide-y divide-slate-100"
            >
              {matches.slice(0, SHOWN).map((ward) => (
                <li key={ward.code} role="option" aria-selected={false}>
                  <Link
                    href={href(ward.code)}
                    className="flex flex-wrap items-baseline gap-x-3 px-3 py-2 text-sm hover:bg-indigo-50 focus:bg-indigo-50 focus:outline-none"
                  >
                    <span className="font-mono text-xs text-slate-600">{ward.code}</span>
                    <span className="font-medium text-slate-900">{ward.name}</span>
                    {ward.localName && <span className="text-slate-700">{ward.localName}</span>}
                    <span className="ml-auto text-xs text-slate-500">
                      {t.meta(ward.municipality, ward.posts)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {matches.length > SHOWN && (
            <p className="px-3 py-2 text-xs text-slate-500">{t.more(matches.length - SHOWN)}</p>
          )}
        </div>
      )}
    </div>
  );
}
