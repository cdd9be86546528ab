import Link from "next/link";
import { sectionOfPath } from "~/lib/sections";
import { en } from "~/messages/en";
import { getViewer, requestedPath } from "~/server/viewer";

/** Rendered with HTTP 403 when a signed-in user opens a section their role may not use. */
export default async function Forbidden() {
  const viewer = await getViewer();
  const section = sectionOfPath(await requestedPath(""));
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{en.forbidden.title}</h1>
      <p className="mt-3 text-slate-700">
        {section ? en.forbidden.body(en.sections[section]) : en.forbidden.genericBody}
      </p>
      {viewer && (
        <p className="mt-1 text-slate-600">
          {en.forbidden.signedInAs(viewer.name, en.roles[viewer.role])}
        </p>
      )}
      <Link
        href="/"
        prefetch={false}
        className="mt-6 inline-block text-sm font-medium text-indigo-700 underline"
      >
        {en.forbidden.goHome}
      </Link>
    </div>
  );
}
