"use client";

import { useHelpdeskText } from "./language-provider";
import { formatAbsolute, formatRelative } from "./time";
import { useNow } from "./use-now";

// Server and browser render these at slightly different moments: the text may differ by a minute, by design.

/** "3 hours ago", with the exact Nepal time on hover and for screen readers. */
export function RelativeTime({ value }: { value: Date }) {
  const { language } = useHelpdeskText();
  const now = useNow();
  const absolute = formatAbsolute(value, language);
  return (
    <time dateTime={value.toISOString()} title={absolute} suppressHydrationWarning>
      {formatRelative(value, now, language)}
    </time>
  );
}

/** "4 Mar 2026, 13:45 (3 hours ago)". */
export function AbsoluteAndRelativeTime({ value }: { value: Date }) {
  const { language } = useHelpdeskText();
  const now = useNow();
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {formatAbsolute(value, language)}{" "}
      <span className="text-slate-500">({formatRelative(value, now, language)})</span>
    </time>
  );
}
