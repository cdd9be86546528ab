"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@sunuwai/ui";
import { en } from "~/messages/en";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {pending ? en.shell.signingOut : en.shell.signOut}
    </Button>
  );
}
