export {
  DEFAULT_CATEGORIES,
  SEAH_CATEGORY,
  parseCategories,
  isSensitiveClassification,
} from "./categories";
export { aiConfigFromEnv } from "./config";
export type { AiConfig, OpenAiSettings } from "./config";
export type { AiEngine, AiEngineKind, Classification, Summary, Transcriber } from "./engine";
export { createOfflineEngine } from "./offline-engine";
export { createOpenAiEngine, createOpenAiTranscriber, createOpenAiClient } from "./openai-engine";
export { createAiServices, getAiServices } from "./select";
export type { AiServices } from "./select";
export { classifyGrievance } from "./classify";
export type { ClassifyOutcome } from "./classify";
export { summarizeGrievance, translateGrievance, generateFollowUps } from "./enrich";
export { createGrievanceAiTasks, grievanceAiTasks } from "./tasks";
export { evaluateOfflineClassifier, getOfflineClassifier } from "./offline";
