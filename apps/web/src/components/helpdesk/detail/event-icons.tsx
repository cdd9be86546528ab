import type { ReactNode } from "react";
import type { TimelineTone } from "@sunuwai/ui";

// Simple line icons (20×20, current colour) for the timeline; decorative, the entry's title says what happened.
const paths: Record<string, ReactNode> = {
  plus: <path d="M10 4v12M4 10h12" />,
  chat: <path d="M3.5 4.5h13v9h-8l-5 3z" />,
  pencil: <path d="M4 16l1-4 8-8 3 3-8 8zM11 6l3 3" />,
  tag: (
    <>
      <path d="M3 3h7l7 7-7 7-7-7z" />
      <circle cx="7" cy="7" r="1.2" />
    </>
  ),
  alert: <path d="M10 3l8 14H2zM10 8v4M10 14.5v.5" />,
  check: <path d="M4 10.5l4 4 8-9" />,
  document: <path d="M5 2.5h7l3 3v12H5zM7.5 9h5M7.5 12h5M7.5 15h3" />,
  globe: (
    <>
      <circle cx="10" cy="10" r="7" />
      <path d="M3 10h14M10 3c2.5 2.5 2.5 11.5 0 14M10 3c-2.5 2.5-2.5 11.5 0 14" />
    </>
  ),
  user: (
    <>
      <circle cx="10" cy="7" r="3" />
      <path d="M4 17c0-3.3 2.7-5 6-5s6 1.7 6 5" />
    </>
  ),
  arrowRight: <path d="M4 10h12M12 6l4 4-4 4" />,
  eye: (
    <>
      <path d="M2 10s3-5.5 8-5.5 8 5.5 8 5.5-3 5.5-8 5.5S2 10 2 10z" />
      <circle cx="10" cy="10" r="2.3" />
    </>
  ),
  arrowUp: <path d="M10 16V4M5.5 8.5 10 4l4.5 4.5" />,
  clip: <path d="M7 10.5l5-5a2.5 2.5 0 0 1 3.5 3.5l-7 7a4 4 0 0 1-5.6-5.6l6-6" />,
  mail: <path d="M3 5h14v10H3zM3 5l7 6 7-6" />,
  flag: <path d="M5 17V3M5 4h10l-2 3 2 3H5" />,
  dot: <circle cx="10" cy="10" r="2" />,
};

const EVENT_ICONS: Record<string, [keyof typeof paths, TimelineTone]> = {
  CREATED: ["plus", "info"],
  MESSAGE_ADDED: ["chat", "info"],
  FOLLOW_UP_ANSWERED: ["chat", "info"],
  CLASSIFIED: ["tag", "neutral"],
  CLASSIFICATION_FAILED: ["alert", "danger"],
  CLASSIFICATION_CONFIRMED: ["check", "success"],
  SUMMARIZED: ["document", "neutral"],
  TRANSLATED: ["globe", "neutral"],
  ASSIGNED: ["user", "neutral"],
  STATUS_CHANGED: ["arrowRight", "info"],
  NOTE_ADDED: ["pencil", "warning"],
  REPLY_SENT: ["chat", "success"],
  PII_REVEALED: ["eye", "danger"],
  ESCALATED: ["arrowUp", "warning"],
  FILE_ADDED: ["clip", "neutral"],
  FILE_PROCESSED: ["clip", "neutral"],
  NOTIFICATION_SENT: ["mail", "neutral"],
  NOTIFICATION_FAILED: ["mail", "danger"],
  DISPUTED: ["flag", "warning"],
};

export function eventIcon(type: string): { icon: ReactNode; tone: TimelineTone } {
  const [name, tone] = EVENT_ICONS[type] ?? ["dot", "neutral"];
  return {
    tone,
    icon: (
      <svg
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-4"
      >
        {paths[name]}
      </svg>
    ),
  };
}
