import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { landingPath, safeCallbackPath } from "~/lib/sections";
import { describeSignInError } from "~/lib/sign-in-error";
import { en } from "~/messages/en";
import { getViewer } from "~/server/viewer";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: en.login.title };

type LoginSearchParams = { callbackUrl?: string | string[]; error?: string | string[] };

function single(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<LoginSearchParams>;
}) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(single(params.callbackUrl));
  const viewer = await getViewer();
  if (viewer) redirect(landingPath(viewer.role, callbackPath));

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-indigo-800">
            {en.app.name}{" "}
            <span lang="ne" className="font-normal text-slate-500">
              सुनुवाइ
            </span>
          </p>
          <p className="mt-1 text-sm text-slate-600">{en.app.tagline}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold">{en.login.title}</h1>
          <p className="mt-1 text-sm text-slate-600">{en.login.intro}</p>
          <LoginForm
            callbackPath={callbackPath}
            initialError={describeSignInError(single(params.error))}
          />
        </div>
      </div>
    </main>
  );
}
