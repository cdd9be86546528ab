"use client";

import { Badge } from "@sunuwai/ui";
import type { BadgeTone } from "@sunuwai/ui";
import { CLASSIFICATION_STATUS_LABELS, GRIEVANCE_STATUS_LABELS } from "@sunuwai/validators";
import type { GrievanceStatusValue } from "@sunuwai/validators";
import type { HelpdeskMessages } from "~/messages/helpdesk.en";
import { useHelpdeskText } from "./language-provider";

export type ClassificationStatus = keyof typeof CLASSIFICATION_STATUS_LABELS;
export type Priority = keyof HelpdeskMessages["priorities"];

const STATUS_TONES: Record<GrievanceStatusValue, BadgeTone> = {
  SUBMITTED: "info",
  UNDER_EVALUATION: "info",
  ESCALATED: "warning",
  RESOLVED: "success",
  DENIED: "neutral",
  DISPUTED: "warning",
  CLOSED: "neutral",
};

/** The label in the chosen language first, the other language after it. */
export function useStatusLabel() {
  const { language } = useHelpdeskText();
  return (status: GrievanceStatusValue) => {
    const labels = GRIEVANCE_STATUS_LABELS[status];
    return language === "ne"
      ? { primary: labels.ne, secondary: labels.en, secondaryLanguage: "en" }
      : { primary: labels.en, secondary: labels.ne, secondaryLanguage: "ne" };
  };
}

/** A grievance status in English and Nepali, e.g. "Under evaluation · मूल्याङ्कन हुँदै". */
export function StatusBadge({ status }: { status: GrievanceStatusValue }) {
  const label = useStatusLabel()(status);
  return (
    <Badge tone={STATUS_TONES[status]} className="gap-1">
      <span>{label.primary}</span>
      <span aria-hidden="true">·</span>
      <span lang={label.secondaryLanguage} className="font-normal opacity-80">
        {label.secondary}
      </span>
    </Badge>
  );
}

const PRIORITY_TONES: Record<Priority, BadgeTone> = {
  LOW: "neutral",
  NORMAL: "neutral",
  HIGH: "warning",
  URGENT: "danger",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useHelpdeskText();
  return (
    <Badge tone={PRIORITY_TONES[priority]}>
      <span className="sr-only">{t.queue.priority}: </span>
      {t.priorities[priority]}
    </Badge>
  );
}

const CLASSIFICATION_TONES: Record<ClassificationStatus, BadgeTone> = {
  PENDING: "neutral",
  LLM_GENERATED: "info",
  LLM_FAILED: "danger",
  FALLBACK_GENERATED: "warning",
  OFFICER_CONFIRMED: "success",
  COMPLAINANT_CONFIRMED: "success",
};

/**
 * Where a grievance's categories came from. In the queue (`compact`) the states that need a person's eye say so
 * in two words: "Offline fallback", "Needs review".
 */
export function ClassificationBadge({
  status,
  compact = false,
}: {
  status: ClassificationStatus;
  compact?: boolean;
}) {
  const { t, language } = useHelpdeskText();
  const markers: Partial<Record<ClassificationStatus, string>> = t.classificationMarkers;
  const label =
    (compact ? markers[status] : undefined) ?? CLASSIFICATION_STATUS_LABELS[status][language];
  return (
    <Badge tone={CLASSIFICATION_TONES[status]} className="gap-1">
      {status === "LLM_FAILED" && <span aria-hidden="true">!</span>}
      {label}
    </Badge>
  );
}

export function SensitiveBadge() {
  const { t } = useHelpdeskText();
  return <Badge tone="danger">{t.sensitive}</Badge>;
}
