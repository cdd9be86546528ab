"use client";

import { Button } from "@sunuwai/ui";
import { en } from "~/messages/en";

/** Shown instead of a page that failed to render; the details stay in the server log. */
export default function PageError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{en.errors.title}</h1>
      <p className="mt-2 text-slate-600">{en.errors.body}</p>
      <Button className="mt-6" onClick={reset}>
        {en.errors.retry}
      </Button>
    </main>
  );
}
