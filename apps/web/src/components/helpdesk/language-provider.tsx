"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { cn } from "@sunuwai/ui";
import type { HelpdeskMessages } from "~/messages/helpdesk.en";
import { HELPDESK_LANGUAGES, LANGUAGE_COOKIE, helpdeskMessages } from "./language";
import type { HelpdeskLanguage } from "./language";

interface LanguageContextValue {
  language: HelpdeskLanguage;
  t: HelpdeskMessages;
  setLanguage: (language: HelpdeskLanguage) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function HelpdeskLanguageProvider({
  initial,
  children,
}: {
  initial: HelpdeskLanguage;
  children: ReactNode;
}) {
  const [language, setLanguageState] = useState(initial);
  const setLanguage = useCallback((next: HelpdeskLanguage) => {
    document.cookie = `${LANGUAGE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    setLanguageState(next);
  }, []);
  const value = useMemo(
    () => ({ language, t: helpdeskMessages(language), setLanguage }),
    [language, setLanguage],
  );
  return (
    <LanguageContext.Provider value={value}>
      <div lang={language}>{children}</div>
    </LanguageContext.Provider>
  );
}

/** The helpdesk's strings in the chosen language, the language itself, and how to change it. */
export function useHelpdeskText(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error("useHelpdeskText must be used inside HelpdeskLanguageProvider");
  return value;
}

/** English | नेपाली, as two pressed/unpressed buttons. */
export function LanguageToggle() {
  const { language, t, setLanguage } = useHelpdeskText();
  return (
    <div role="group" aria-label={t.language.label} className="inline-flex rounded-md shadow-xs">
      {HELPDESK_LANGUAGES.map((option, index) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
          className={cn(
            "h-8 px-3 text-sm font-medium ring-1 ring-slate-300 ring-inset focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-indigo-700",
            index === 0 ? "rounded-l-md" : "-ml-px rounded-r-md",
            language === option
              ? "bg-indigo-700 text-white ring-indigo-700"
              : "bg-white text-slate-700 hover:bg-slate-50",
          )}
        >
          {t.language[option]}
        </button>
      ))}
    </div>
  );
}
