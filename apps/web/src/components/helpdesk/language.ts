// Which language the helpdesk screens speak; chosen with the toggle, kept in a cookie so server renders agree.
import { helpdeskEn } from "~/messages/helpdesk.en";
import type { HelpdeskMessages } from "~/messages/helpdesk.en";
import { helpdeskNe } from "~/messages/ne";

export const HELPDESK_LANGUAGES = ["en", "ne"] as const;
export type HelpdeskLanguage = (typeof HELPDESK_LANGUAGES)[number];

export const LANGUAGE_COOKIE = "sunuwai_lang";

export function parseLanguage(value: string | undefined | null): HelpdeskLanguage {
  return value === "ne" ? "ne" : "en";
}

export function helpdeskMessages(language: HelpdeskLanguage): HelpdeskMessages {
  return language === "ne" ? helpdeskNe : helpdeskEn;
}

/** The BCP 47 locale for dates and numbers: Nepali gets Devanagari digits and month names. */
export function localeOf(language: HelpdeskLanguage): string {
  return language === "ne" ? "ne-NP" : "en-GB";
}
