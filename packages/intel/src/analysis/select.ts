import { AppError } from "@sunuwai/validators/errors";
import { env } from "../env";
import type { PostAnalyser } from "./analyser";
import { LexiconAnalyser } from "./lexicon-analyser";

/**
 * The analyser INTEL_ANALYSER names: the offline lexicon (default), or OpenAI with the helpdesk's OPENAI_* settings.
 * The OpenAI client is loaded only when chosen, so `pnpm ingest` stays lean offline.
 */
export async function createPostAnalyser(): Promise<PostAnalyser> {
  if (env.INTEL_ANALYSER === "lexicon") return new LexiconAnalyser();
  if (!env.OPENAI_API_KEY) throw new AppError("VALIDATION", "INTEL_ANALYSER=openai needs OPENAI_API_KEY (and OPENAI_BASE_URL for a server other than OpenAI's).");
  const { OpenAiAnalyser } = await import("./openai-analyser");
  return new OpenAiAnalyser({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
  });
}
