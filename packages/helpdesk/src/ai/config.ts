import { aiEnv } from "./env";
import { parseCategories } from "./categories";

export interface OpenAiSettings {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  transcriptionModel: string;
  timeoutMs: number;
}

export interface AiConfig {
  /** Null: no key configured, so the offline fallback runs and says so. */
  openai: OpenAiSettings | null;
  categories: string[];
}

export function aiConfigFromEnv(): AiConfig {
  return {
    openai: aiEnv.OPENAI_API_KEY
      ? {
          apiKey: aiEnv.OPENAI_API_KEY,
          baseURL: aiEnv.OPENAI_BASE_URL,
          model: aiEnv.OPENAI_MODEL,
          transcriptionModel: aiEnv.OPENAI_TRANSCRIPTION_MODEL,
          timeoutMs: aiEnv.OPENAI_TIMEOUT_MS,
        }
      : null,
    categories: parseCategories(aiEnv.GRIEVANCE_CATEGORIES),
  };
}
