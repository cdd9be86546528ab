"use client";

import { useEffect, useState } from "react";
import { Button, SelectField, TextField } from "@sunuwai/ui";
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import type { WardSummary } from "@sunuwai/validators";
import { useHelpdeskText } from "../language-provider";
import { useStatusLabel } from "../labels";
import { isFiltered, QUEUE_SORTS } from "../queue-params";
import type { QueueSearch, QueueSort, StatusFilter } from "../queue-params";

/** Search box (applied on Enter or with the button) and selects (applied at once); all kept in the URL. */
export function QueueFilters({
  search,
  wards,
  categories,
  onChange,
  onClear,
}: {
  search: QueueSearch;
  wards: WardSummary[];
  categories: string[];
  onChange: (patch: Partial<QueueSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useHelpdeskText();
  const statusLabel = useStatusLabel();
  const [text, setText] = useState(search.text ?? "");
  // Back/forward or a count chip can change the search from outside the box.
  useEffect(() => setText(search.text ?? ""), [search.text]);
  const sortLabels: Record<QueueSort, string> = {
    newest: t.filters.sortNewest,
    oldest: t.filters.sortOldest,
    dueSoonest: t.filters.sortDueSoonest,
  };

  return (
    <form
      role="search"
      aria-label={t.filters.legend}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ text: text.trim() || null });
      }}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6"
    >
      <div className="flex items-end gap-2 sm:col-span-2">
        <TextField
          className="flex-1"
          label={t.filters.search}
          type="search"
          value={text}
          placeholder={t.filters.searchPlaceholder}
          onChange={(event) => setText(event.target.value)}
          maxLength={200}
        />
        <Button type="submit" variant="secondary">
          {t.filters.apply}
        </Button>
      </div>
      <SelectField
        label={t.filters.status}
        value={search.status ?? ""}
        onChange={(event) => onChange({ status: (event.target.value || null) as StatusFilter })}
      >
        <option value="">{t.filters.allStatuses}</option>
        <option value="open">{t.filters.openStatuses}</option>
        {GRIEVANCE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status).primary}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.ward}
        value={search.wardId ?? ""}
        onChange={(event) => onChange({ wardId: event.target.value || null })}
      >
        <option value="">{t.filters.allWards}</option>
        {wards.map((ward) => (
          <option key={ward.id} value={ward.id}>
            {ward.code} · {ward.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.category}
        value={search.category ?? ""}
        onChange={(event) => onChange({ category: event.target.value || null })}
      >
        <option value="">{t.filters.allCategories}</option>
        {categories.map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.assignee}
        value={search.assignee ?? ""}
        onChange={(event) => onChange({ assignee: event.target.value || null })}
      >
        <option value="">{t.filters.anyone}</option>
        <option value="me">{t.filters.me}</option>
        <option value="unassigned">{t.filters.unassigned}</option>
      </SelectField>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 sm:col-span-2 lg:col-span-6">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={search.overdue}
            onChange={(event) => onChange({ overdue: event.target.checked })}
            className="size-4 rounded border-slate-300 accent-indigo-700"
          />
          {t.filters.overdueOnly}
        </label>
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          {t.filters.sort}
          <select
            value={search.sort}
            onChange={(event) => onChange({ sort: event.target.value as QueueSort })}
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {QUEUE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </select>
        </label>
        {isFiltered(search) && (
          <Button variant="ghost" size="sm" className="ml-auto" onClick={onClear}>
            {t.filters.clear}
          </Button>
        )}
      </div>
    </form>
  );
}
