export { notificationConfigFromEnv } from "./config";
export type { NotificationConfig } from "./config";
export {
  queueNotification,
  notificationPlanFor,
  enqueueNotificationSend,
  chooseChannel,
  notificationKey,
} from "./queue";
export type { QueueNotificationInput, NotificationPlan } from "./queue";
export { sendNotification } from "./send";
export type { SendOutcome } from "./send";
export { resendNotification } from "./resend";
export { listNotifications } from "./list";
export type { NotificationView } from "./list";
export { createSenders, smsNumber } from "./senders";
export type { Sender, Senders, OutgoingMessage } from "./senders";
export { renderNotification, messageLanguage, NOTIFICATION_TEMPLATES } from "./templates";
export type { NotificationTemplate } from "./templates";
export { createNotificationTasks, notificationTasks } from "./tasks";
