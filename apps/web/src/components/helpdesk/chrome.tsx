"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn, ToastProvider } from "@sunuwai/ui";
import type { HelpdeskMessages } from "~/messages/helpdesk.en";
import { LanguageToggle, useHelpdeskText } from "./language-provider";

/** The helpdesk's own pages (queue, SLA report) and the language toggle, above every helpdesk page. */
export function HelpdeskNav() {
  const { t } = useHelpdeskText();
  const pathname = usePathname();
  const links = [
    { href: "/helpdesk", label: t.nav.queue, active: pathname !== "/helpdesk/reports" },
    { href: "/helpdesk/reports", label: t.nav.reports, active: pathname === "/helpdesk/reports" },
  ];
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
      <nav aria-label={t.nav.label}>
        <ul className="flex gap-1">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                prefetch={false}
                aria-current={link.active ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium",
                  link.active
                    ? "bg-white text-indigo-800 shadow-sm ring-1 ring-slate-200"
                    : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LanguageToggle />
    </div>
  );
}

/** Confirmations and background errors of helpdesk actions, labelled in the chosen language. */
export function HelpdeskToasts({ children }: { children: ReactNode }) {
  const { t } = useHelpdeskText();
  return (
    <ToastProvider label={t.toastRegion} dismissLabel={t.dismiss}>
      {children}
    </ToastProvider>
  );
}

const HEADINGS = {
  queue: (t: HelpdeskMessages) => [t.title, t.intro],
  queueAllWards: (t: HelpdeskMessages) => [t.title, t.introAllWards],
  reports: (t: HelpdeskMessages) => [t.reports.title, t.reports.intro],
  reportsOfficer: (t: HelpdeskMessages) => [t.reports.title, t.reports.introOfficer],
} as const;

/** A helpdesk page's title and introduction in the chosen language. */
export function HelpdeskHeading({ page }: { page: keyof typeof HEADINGS }) {
  const { t } = useHelpdeskText();
  const [title, intro] = HEADINGS[page](t);
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-1 text-slate-600">{intro}</p>
    </div>
  );
}
