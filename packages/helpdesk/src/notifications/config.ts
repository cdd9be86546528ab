import { notificationsEnv } from "./env";

export interface NotificationConfig {
  email: { smtpUrl: string; from: string } | null;
  sms: { apiUrl: string; token: string; from: string } | null;
  whatsapp: { apiUrl: string; token: string; phoneNumberId: string } | null;
  timeoutMs: number;
  disputeWindowDays: number;
}

export function notificationConfigFromEnv(): NotificationConfig {
  const env = notificationsEnv;
  return {
    email: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM } : null,
    sms:
      env.SMS_API_URL && env.SMS_API_TOKEN
        ? { apiUrl: env.SMS_API_URL, token: env.SMS_API_TOKEN, from: env.SMS_FROM }
        : null,
    whatsapp:
      env.WHATSAPP_API_URL && env.WHATSAPP_TOKEN && env.WHATSAPP_PHONE_NUMBER_ID
        ? {
            apiUrl: env.WHATSAPP_API_URL,
            token: env.WHATSAPP_TOKEN,
            phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
          }
        : null,
    timeoutMs: env.NOTIFICATION_TIMEOUT_MS,
    disputeWindowDays: env.DISPUTE_WINDOW_DAYS,
  };
}
