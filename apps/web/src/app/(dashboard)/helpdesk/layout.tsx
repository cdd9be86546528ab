import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { HelpdeskNav, HelpdeskToasts } from "~/components/helpdesk/chrome";
import { LANGUAGE_COOKIE, parseLanguage } from "~/components/helpdesk/language";
import { HelpdeskLanguageProvider } from "~/components/helpdesk/language-provider";
import { requireSection } from "~/server/viewer";

export default async function HelpdeskLayout({ children }: { children: ReactNode }) {
  await requireSection("helpdesk");
  const language = parseLanguage((await cookies()).get(LANGUAGE_COOKIE)?.value);
  return (
    <HelpdeskLanguageProvider initial={language}>
      <HelpdeskToasts>
        <HelpdeskNav />
        {children}
      </HelpdeskToasts>
    </HelpdeskLanguageProvider>
  );
}
