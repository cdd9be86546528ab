"use client";

import type { ReactNode } from "react";
import { Card } from "@sunuwai/ui";
import type { GrievanceDetail } from "@sunuwai/validators";
import { useHelpdeskText } from "../language-provider";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

/** What the complainant said, and what the AI (or the offline fallback) made of it. */
export function GrievanceText({ grievance }: { grievance: GrievanceDetail }) {
  const { t } = useHelpdeskText();
  const otherLanguage = grievance.language === "ne" ? "en" : "ne";
  const offline = grievance.classificationStatus === "FALLBACK_GENERATED";
  return (
    <Card title={t.detail.grievance}>
      <div className="grid gap-5">
        <Section title={t.detail.description}>
          <p
            lang={grievance.language}
            className="text-base leading-relaxed whitespace-pre-wrap text-slate-900"
          >
            {grievance.description}
          </p>
          <p className="text-xs text-slate-500">
            {t.detail.language}: {t.languages[grievance.language] ?? grievance.language}
          </p>
        </Section>
        <div className={grievance.language === "en" ? "grid gap-5" : "grid gap-5 sm:grid-cols-2"}>
          <Section title={t.detail.summary}>
            {grievance.summary ? (
              <p lang={grievance.language} className="text-sm text-slate-800">
                {grievance.summary}
              </p>
            ) : (
              <p className="text-sm text-slate-500">{t.detail.summaryPending}</p>
            )}
          </Section>
          {grievance.language !== "en" && (
            <Section title={t.detail.summaryEn}>
              {grievance.summaryEn ? (
                <p lang="en" className="text-sm text-slate-800">
                  {grievance.summaryEn}
                </p>
              ) : (
                <p className="text-sm text-slate-500">
                  {offline && grievance.summary
                    ? t.detail.summaryEnFallback
                    : t.detail.summaryPending}
                </p>
              )}
            </Section>
          )}
        </div>
        <Section title={t.detail.translation}>
          {grievance.translatedText ? (
            <p lang={otherLanguage} className="text-sm whitespace-pre-wrap text-slate-800">
              {grievance.translatedText}
            </p>
          ) : (
            <p className="text-sm text-slate-500">
              {offline ? t.detail.untranslatedFallback : t.detail.translationPending}
            </p>
          )}
        </Section>
        {grievance.followUpQuestions.length > 0 && (
          <Section title={t.detail.followUps}>
            <ol className="list-decimal space-y-2 pl-5 text-sm">
              {grievance.followUpQuestions.map((question) => (
                <li key={question.id}>
                  <p className="text-slate-900">{question.question}</p>
                  <p className="text-slate-600">{question.answer ?? t.detail.notAnswered}</p>
                </li>
              ))}
            </ol>
          </Section>
        )}
      </div>
    </Card>
  );
}
