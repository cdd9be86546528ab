"use client";

import Link from "next/link";
import { useHelpdeskText } from "~/components/helpdesk/language-provider";

/** Same answer for a grievance that does not exist and one outside the viewer's jurisdiction. */
export default function GrievanceNotFound() {
  const { t } = useHelpdeskText();
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.notFound.title}</h1>
      <p className="mt-2 text-slate-600">{t.notFound.body}</p>
      <Link
        href="/helpdesk"
        prefetch={false}
        className="mt-6 inline-block text-sm font-medium text-indigo-700 underline"
      >
        {t.notFound.back}
      </Link>
    </div>
  );
}
