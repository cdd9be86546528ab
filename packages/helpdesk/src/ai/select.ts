import type { AiConfig } from "./config";
import { aiConfigFromEnv } from "./config";
import type { AiEngine, Transcriber } from "./engine";
import { createOfflineEngine } from "./offline-engine";
import { createOpenAiClient, createOpenAiEngine, createOpenAiTranscriber } from "./openai-engine";

export interface AiServices {
  engine: AiEngine;
  /** Null without an OpenAI key: voice notes wait for a person to transcribe them. */
  transcriber: Transcriber | null;
  categories: string[];
}

/** OpenAI when a key is configured; otherwise the offline fallback, which says so in everything it records. */
export function createAiServices(config: AiConfig): AiServices {
  if (!config.openai)
    return { engine: createOfflineEngine(), transcriber: null, categories: config.categories };
  const client = createOpenAiClient(config.openai);
  return {
    engine: createOpenAiEngine(config.openai, client),
    transcriber: createOpenAiTranscriber(config.openai, client),
    categories: config.categories,
  };
}

let processServices: AiServices | undefined;

/** OpenAI or the offline fallback, as OPENAI_API_KEY decides, built on first use. */
export function getAiServices(): AiServices {
  processServices ??= createAiServices(aiConfigFromEnv());
  return processServices;
}
