import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Db, NotificationChannel } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { limitAttempts, runJobs } from "../ai/test/run-jobs";
import { getPiiVault } from "../pii/vault";
import { createGrievance } from "../services/create-grievance";
import { createChatbot, createStaff, grievanceInput, nextPhone } from "../test/fixtures";
import type { NotificationConfig } from "./config";
import { queueNotification } from "./queue";
import { resendNotification } from "./resend";
import { sendNotification } from "./send";
import { createSenders } from "./senders";
import { createNotificationTasks } from "./tasks";

let db: Db;
let url: string;
let testDatabase: TestDatabase;
let chatbot: ChatbotActor;
let supervisor: StaffActor;

interface ReceivedMail {
  to: string[];
  raw: string;
}
const mails: ReceivedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      mails.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

/** One fake for both HTTP providers: the SMS gateway (form POST) and the WhatsApp Cloud API (JSON POST). */
interface ProviderRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}
const providerRequests: ProviderRequest[] = [];
let providerStatus = 200;
const provider: Server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    providerRequests.push({
      path: request.url ?? "",
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body: Buffer.concat(chunks).toString("utf8"),
    });
    response.writeHead(providerStatus, { "content-type": "application/json" });
    response.end(
      providerStatus === 200
        ? JSON.stringify(
            request.url?.endsWith("/messages")
              ? { messages: [{ id: "wamid.TEST123" }] }
              : {
                  response_code: 200,
                  count: 1,
                  response: "1 mesages has been queued for delivery",
                },
          )
        : JSON.stringify({ response_code: 5000, response: "Gateway unavailable" }),
    );
  });
});

const port = (server: { address(): AddressInfo | string | null }) =>
  (server.address() as AddressInfo).port;
let config: NotificationConfig;
const logLines: string[] = [];

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  ({ db, url } = testDatabase);
  chatbot = await createChatbot(db);
  supervisor = await createStaff(db, "SUPERVISOR", "Sunita Supervisor");
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  config = {
    email: {
      smtpUrl: `smtp://127.0.0.1:${port(smtp.server)}`,
      from: "Sunuwai Helpdesk <helpdesk@sunuwai.test>",
    },
    sms: {
      apiUrl: `http://127.0.0.1:${port(provider)}/api/v2/sms/`,
      token: "sms-token",
      from: "Sunuwai",
    },
    whatsapp: {
      apiUrl: `http://127.0.0.1:${port(provider)}/v21.0`,
      token: "wa-token",
      phoneNumberId: "1234567890",
    },
    timeoutMs: 5_000,
    disputeWindowDays: 30,
  };
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => provider.close(() => resolve()));
  await testDatabase.drop();
});

beforeEach(() => {
  providerStatus = 200;
});

const tasks = (overrides: Partial<NotificationConfig> = {}) =>
  createNotificationTasks({
    db: () => db,
    config: () => ({ ...config, ...overrides }),
    vault: getPiiVault,
  });

/** Files a grievance and queues its "received" message, as grievance creation does. */
async function receivedNotification(
  options: { preferredChannel?: NotificationChannel; language?: "en" | "ne"; phone?: string } = {},
) {
  const input = grievanceInput({
    language: options.language ?? "en",
    ...(options.phone ? { phone: options.phone } : {}),
  });
  if (options.preferredChannel) input.complainant.preferredChannel = options.preferredChannel;
  const grievance = await createGrievance(db, chatbot, input);
  const created = await db.grievanceEvent.findFirstOrThrow({
    where: { grievanceId: grievance.id, type: "CREATED" },
  });
  const queued = await db.$transaction((tx) =>
    queueNotification(tx, { grievanceId: grievance.id, eventId: created.id, template: "received" }),
  );
  if (!queued) throw new Error("no channel");
  return {
    grievance,
    notificationId: queued.notificationId,
    channel: queued.channel,
    eventId: created.id,
  };
}

describe("notification.send", () => {
  it("emails the reference through SMTP and records SENT", async () => {
    const { grievance, notificationId, channel } = await receivedNotification();
    expect(channel).toBe("EMAIL");
    await runJobs(db, url, tasks());
    const mail = mails.find((m) => m.raw.includes(grievance.reference));
    expect(mail?.to).toEqual(["sita.shrestha@example.com"]);
    expect(mail?.raw).toContain(`Subject: Grievance received: ${grievance.reference}`);
    expect(mail?.raw).toContain(`<${notificationId}@sunuwai.notification>`);
    const row = await db.notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(row).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
      template: "received",
      language: "en",
    });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(
      await db.grievanceEvent.count({
        where: { grievanceId: grievance.id, type: "NOTIFICATION_SENT" },
      }),
    ).toBe(1);
  });

  it("never sends twice: the same job run again, and the same event queued again", async () => {
    const { grievance, notificationId, eventId } = await receivedNotification();
    await runJobs(db, url, tasks());
    await db.$executeRaw`SELECT graphile_worker.add_job('notification.send', json_build_object('notificationId', ${notificationId}::text))`;
    const again = await db.$transaction((tx) =>
      queueNotification(tx, { grievanceId: grievance.id, eventId, template: "received" }),
    );
    expect(again?.notificationId).toBe(notificationId);
    await runJobs(db, url, tasks());
    expect(mails.filter((m) => m.raw.includes(grievance.reference))).toHaveLength(1);
    expect(await db.notification.count({ where: { grievanceId: grievance.id } })).toBe(1);
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: notificationId } }),
    ).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("two runs at the same moment: the conditional claim lets only one of them send", async () => {
    const { grievance, notificationId } = await receivedNotification();
    const senders = createSenders(config, { info: () => undefined });
    const options = { vault: getPiiVault(), disputeWindowDays: 30 };
    const attempt = { attempts: 1, maxAttempts: 25 };
    const outcomes = await Promise.all([
      sendNotification(db, senders, notificationId, attempt, options),
      sendNotification(db, senders, notificationId, attempt, options),
    ]);
    expect(outcomes.sort()).toEqual(["claimed_elsewhere", "sent"]);
    expect(mails.filter((m) => m.raw.includes(grievance.reference))).toHaveLength(1);
  });

  it("sends a Nepali SMS through the Sparrow-style gateway", async () => {
    const phone = nextPhone();
    const { grievance, notificationId } = await receivedNotification({
      preferredChannel: "SMS",
      language: "ne",
      phone,
    });
    await runJobs(db, url, tasks());
    const request = providerRequests.find(
      (r) =>
        r.body.includes(encodeURIComponent(grievance.reference)) ||
        r.body.includes(grievance.reference),
    );
    expect(request?.path).toBe("/api/v2/sms/");
    expect(request?.contentType).toContain("application/x-www-form-urlencoded");
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toEqual({
      token: "sms-token",
      from: "Sunuwai",
      to: phone,
      text: `नमस्ते। तपाईंको गुनासो प्राप्त भएको छ। तपाईंको सन्दर्भ नम्बर ${grievance.reference} हो। स्थिति हेर्न वा थप जानकारी दिन यो नम्बर राख्नुहोस्।`,
    });
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: notificationId } }),
    ).toMatchObject({ status: "SENT", channel: "SMS", language: "ne" });
  });

  it("sends WhatsApp messages in the Cloud API shape", async () => {
    const phone = nextPhone();
    const { grievance, notificationId } = await receivedNotification({
      preferredChannel: "WHATSAPP",
      phone,
    });
    await runJobs(db, url, tasks());
    const request = providerRequests.find((r) => r.body.includes(grievance.reference));
    expect(request).toMatchObject({
      path: "/v21.0/1234567890/messages",
      authorization: "Bearer wa-token",
    });
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      messaging_product: "whatsapp",
      to: `977${phone}`,
      type: "text",
      text: { body: expect.stringContaining(grievance.reference) as unknown },
    });
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: notificationId } }),
    ).toMatchObject({ status: "SENT", providerId: "wamid.TEST123" });
  });

  it("retries a provider outage, then records FAILED; the dashboard can resend it", async () => {
    providerStatus = 503;
    const { grievance, notificationId } = await receivedNotification({ preferredChannel: "SMS" });
    await limitAttempts(db, "notification.send", 3);
    const before = providerRequests.length;
    await runJobs(db, url, tasks());
    expect(providerRequests.length - before).toBe(3);
    const failed = await db.notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null });
    expect(failed.lastError).toContain("SMS gateway answered 503");
    const event = await db.grievanceEvent.findFirstOrThrow({
      where: { grievanceId: grievance.id, type: "NOTIFICATION_FAILED" },
    });
    expect(event.payload).toMatchObject({ notificationId, channel: "SMS", status: "FAILED" });

    providerStatus = 200;
    await resendNotification(db, supervisor, notificationId);
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: notificationId } }),
    ).toMatchObject({ status: "QUEUED", lastError: null });
    await runJobs(db, url, tasks());
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: notificationId } }),
    ).toMatchObject({ status: "SENT", attempts: 4 });
    await expect(resendNotification(db, supervisor, notificationId)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("without a configured provider writes the message to the log and records LOGGED", async () => {
    const { grievance, notificationId } = await receivedNotification();
    await runJobs(db, url, tasks({ email: null }), { log: logLines });
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: notificationId } }),
    ).toMatchObject({ status: "LOGGED", attempts: 1 });
    expect(
      logLines.some(
        (line) =>
          line.includes("LOGGED, not sent: no EMAIL provider is configured") &&
          line.includes(grievance.reference),
      ),
    ).toBe(true);
    expect(logLines.some((line) => line.includes("sita.shrestha@example.com"))).toBe(false);
  });
});
