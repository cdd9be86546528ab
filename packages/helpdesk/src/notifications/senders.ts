import nodemailer from "nodemailer";
import type { NotificationChannel } from "@sunuwai/db";
import type { NotificationConfig } from "./config";
import type { RenderedMessage } from "./templates";

export interface OutgoingMessage extends RenderedMessage {
  notificationId: string;
  /** E.164 phone for SMS/WhatsApp, an address for email. */
  to: string;
}

export interface Sender {
  /** False: nothing is configured for this channel, so messages are only written to the log (LOGGED). */
  readonly configured: boolean;
  /** Resolves with the provider's message id (null when it gives none); rejects when the provider refused. */
  send(message: OutgoingMessage): Promise<{ providerId: string | null }>;
}

export type Senders = Record<NotificationChannel, Sender>;

export interface LogSink {
  info(message: string): void;
}

/** A provider said no (or could not be reached); the message says which and why, without the recipient. */
export class ProviderError extends Error {
  override readonly name = "ProviderError";
}

async function readBody(response: Response): Promise<string> {
  return (await response.text().catch(() => "")).slice(0, 200);
}

/** Email over SMTP with nodemailer; the Message-ID is derived from the notification, so a resend is recognisable. */
function emailSender(config: NonNullable<NotificationConfig["email"]>, timeoutMs: number): Sender {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    configured: true,
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.notificationId}@sunuwai.notification>`,
      });
      return { providerId: info.messageId };
    },
  };
}

/** Sparrow SMS wants the 10-digit national number for Nepal; other countries keep their country code. */
export function smsNumber(e164: string): string {
  return e164.startsWith("+977") ? e164.slice(4) : e164.replace(/^\+/, "");
}

/** An SMS gateway shaped like Sparrow SMS (Nepal): POST form `token, from, to, text`, 2xx when queued. */
function smsSender(config: NonNullable<NotificationConfig["sms"]>, timeoutMs: number): Sender {
  return {
    configured: true,
    async send(message) {
      const response = await fetch(config.apiUrl, {
        method: "POST",
        body: new URLSearchParams({
          token: config.token,
          from: config.from,
          to: smsNumber(message.to),
          text: message.text,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok)
        throw new ProviderError(
          `SMS gateway answered ${response.status}: ${await readBody(response)}`,
        );
      return { providerId: null };
    },
  };
}

/** WhatsApp Cloud API: POST {base}/{phone_number_id}/messages with a bearer token and a text message. */
function whatsappSender(
  config: NonNullable<NotificationConfig["whatsapp"]>,
  timeoutMs: number,
): Sender {
  return {
    configured: true,
    async send(message) {
      const response = await fetch(
        `${config.apiUrl.replace(/\/$/, "")}/${config.phoneNumberId}/messages`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${config.token}`, "content-type": "application/json" },
          body: JSON.stringify({
            messaging_product: "whatsapp",
            recipient_type: "individual",
            to: message.to.replace(/^\+/, ""),
            type: "text",
            text: { preview_url: false, body: message.text },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      if (!response.ok)
        throw new ProviderError(
          `WhatsApp API answered ${response.status}: ${await readBody(response)}`,
        );
      const body = (await response.json().catch(() => ({}))) as { messages?: { id?: string }[] };
      return { providerId: body.messages?.[0]?.id ?? null };
    },
  };
}

/** No provider configured: the message is written to the log (recipient masked) and recorded as LOGGED. */
function logOnlySender(channel: NotificationChannel, log: LogSink): Sender {
  return {
    configured: false,
    send(message) {
      log.info(
        `[notification ${message.notificationId}] LOGGED, not sent: no ${channel} provider is configured. ` +
          `Subject: ${message.subject} | Text: ${message.text}`,
      );
      return Promise.resolve({ providerId: null });
    },
  };
}

export function createSenders(config: NotificationConfig, log: LogSink): Senders {
  return {
    EMAIL: config.email ? emailSender(config.email, config.timeoutMs) : logOnlySender("EMAIL", log),
    SMS: config.sms ? smsSender(config.sms, config.timeoutMs) : logOnlySender("SMS", log),
    WHATSAPP: config.whatsapp
      ? whatsappSender(config.whatsapp, config.timeoutMs)
      : logOnlySender("WHATSAPP", log),
  };
}
