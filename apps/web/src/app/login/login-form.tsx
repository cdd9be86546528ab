"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Alert, Button, TextField } from "@sunuwai/ui";
import { formText } from "~/lib/form-data";
import { describeSignInError } from "~/lib/sign-in-error";
import { en } from "~/messages/en";

const t = en.login;

export function LoginForm({
  callbackPath,
  initialError,
}: {
  callbackPath: string | null;
  initialError: string | null;
}) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: formText(form, "email"),
        password: formText(form, "password"),
      });
      if (!result?.ok || result.error) {
        setError(describeSignInError(result?.error) ?? t.failed);
        setPending(false);
        return;
      }
      // The start page knows the role and picks the section (or the allowed callback page) on the server.
      const next = callbackPath ? `/?callbackUrl=${encodeURIComponent(callbackPath)}` : "/";
      window.location.assign(next);
    } catch {
      setError(t.unreachable);
      setPending(false);
    }
  }

  // method="post" keeps credentials out of the URL even if the script has not loaded yet.
  return (
    <form method="post" onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        label={t.email}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
      />
      <TextField
        label={t.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t.pending : t.submit}
      </Button>
    </form>
  );
}
