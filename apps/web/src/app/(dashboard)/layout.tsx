import type { ReactNode } from "react";
import Link from "next/link";
import { MAX_BATCH_SIZE } from "@sunuwai/api";
import { Badge } from "@sunuwai/ui";
import { SectionNav } from "~/components/section-nav";
import { SignOutButton } from "~/components/sign-out-button";
import { sectionPath, sectionsFor } from "~/lib/sections";
import { en } from "~/messages/en";
import { requestedPath, requireViewer } from "~/server/viewer";
import { TRPCReactProvider } from "~/trpc/react";

/** The signed-in shell: who is signed in, and links to exactly the sections their role may open. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer(await requestedPath("/"));
  const links = sectionsFor(viewer.role).map((section) => ({
    href: sectionPath(section),
    label: en.sections[section],
  }));

  return (
    <TRPCReactProvider maxBatchSize={MAX_BATCH_SIZE}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {en.shell.skipToContent}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-3 px-4 py-3 sm:px-6">
          <Link
            href="/"
            prefetch={false}
            className="text-lg font-bold tracking-tight text-indigo-800"
          >
            {en.app.name}
          </Link>
          <SectionNav label={en.shell.mainNav} links={links} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="sr-only">{en.shell.signedInAs}</span>
            <span className="font-medium text-slate-900">{viewer.name}</span>
            <Badge tone="info">{en.roles[viewer.role]}</Badge>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </TRPCReactProvider>
  );
}
