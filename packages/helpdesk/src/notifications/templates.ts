import { GRIEVANCE_STATUS_LABELS } from "@sunuwai/validators";
import type { GrievanceStatusValue } from "@sunuwai/validators";

export const NOTIFICATION_TEMPLATES = [
  "received",
  "status_changed",
  "escalated",
  "resolved",
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
export type MessageLanguage = "en" | "ne";

export interface TemplateValues {
  reference: string;
  status: GrievanceStatusValue;
  escalationLevel: number;
  disputeWindowDays: number;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

export function isNotificationTemplate(value: string): value is NotificationTemplate {
  return (NOTIFICATION_TEMPLATES as readonly string[]).includes(value);
}

/** Messages go out in Nepali for Nepali grievances and in English otherwise. */
export function messageLanguage(grievanceLanguage: string): MessageLanguage {
  return grievanceLanguage === "ne" ? "ne" : "en";
}

const LEVEL_NAMES: Record<MessageLanguage, readonly string[]> = {
  en: ["", "site office", "project implementation unit", "grievance redress committee", "legal"],
  ne: ["", "साइट कार्यालय", "आयोजना कार्यान्वयन इकाइ", "गुनासो सुनुवाइ समिति", "कानुनी"],
};

type Renderer = (values: TemplateValues) => RenderedMessage;

const TEMPLATES: Record<MessageLanguage, Record<NotificationTemplate, Renderer>> = {
  en: {
    received: ({ reference }) => ({
      subject: `Grievance received: ${reference}`,
      text: `Namaste. We have received your grievance. Your reference number is ${reference}. Keep it to check the status or add information.`,
    }),
    status_changed: ({ reference, status }) => ({
      subject: `Grievance ${reference}: ${GRIEVANCE_STATUS_LABELS[status].en}`,
      text: `The status of your grievance ${reference} is now: ${GRIEVANCE_STATUS_LABELS[status].en}.`,
    }),
    escalated: ({ reference, escalationLevel }) => ({
      subject: `Grievance ${reference} escalated`,
      text: `Your grievance ${reference} has been escalated to level ${escalationLevel} (${LEVEL_NAMES.en[escalationLevel] ?? ""}) so that it is resolved sooner.`,
    }),
    resolved: ({ reference, disputeWindowDays }) => ({
      subject: `Grievance ${reference} resolved`,
      text:
        `Your grievance ${reference} has been marked resolved. If you are not satisfied, you can dispute it within ` +
        `${disputeWindowDays} days: tell the chatbot "dispute ${reference}" and why, or call the helpdesk with this reference.`,
    }),
  },
  ne: {
    received: ({ reference }) => ({
      subject: `गुनासो प्राप्त भयो: ${reference}`,
      text: `नमस्ते। तपाईंको गुनासो प्राप्त भएको छ। तपाईंको सन्दर्भ नम्बर ${reference} हो। स्थिति हेर्न वा थप जानकारी दिन यो नम्बर राख्नुहोस्।`,
    }),
    status_changed: ({ reference, status }) => ({
      subject: `गुनासो ${reference}: ${GRIEVANCE_STATUS_LABELS[status].ne}`,
      text: `तपाईंको गुनासो ${reference} को स्थिति अब: ${GRIEVANCE_STATUS_LABELS[status].ne}।`,
    }),
    escalated: ({ reference, escalationLevel }) => ({
      subject: `गुनासो ${reference} माथिल्लो तहमा पठाइयो`,
      text: `तपाईंको गुनासो ${reference} छिटो समाधानका लागि तह ${escalationLevel} (${LEVEL_NAMES.ne[escalationLevel] ?? ""}) मा पठाइएको छ।`,
    }),
    resolved: ({ reference, disputeWindowDays }) => ({
      subject: `गुनासो ${reference} समाधान भयो`,
      text:
        `तपाईंको गुनासो ${reference} समाधान भएको भनी जनाइएको छ। सन्तुष्ट हुनुहुन्न भने ${disputeWindowDays} दिनभित्र ` +
        `च्याटबटलाई "dispute ${reference}" र कारण लेखेर, वा यही नम्बरसहित हेल्पडेस्कमा फोन गरेर आपत्ति जनाउन सक्नुहुन्छ।`,
    }),
  },
};

export function renderNotification(
  template: NotificationTemplate,
  language: MessageLanguage,
  values: TemplateValues,
): RenderedMessage {
  return TEMPLATES[language][template](values);
}
