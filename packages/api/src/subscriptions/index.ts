export { createLiveEventHub, liveEventHubFor } from "./hub";
export type { LiveEventHub, LiveEventHubOptions, LiveEventSubscriber } from "./hub";
export { staffAudience, chatbotAudience, CHATBOT_EVENT_TYPES } from "./audience";
export type { LiveAudience } from "./audience";
export { liveUpdates } from "./stream";
