/** What produced an AI result: the OpenAI-compatible service, or the offline fallback shipped in the repo. */
export type AiEngineKind = "openai" | "offline";

export interface Classification {
  /** Most likely first; every entry is one of the configured categories. */
  categories: string[];
  confidence: number | null;
}

export interface Summary {
  /** One or two sentences in the grievance's language. */
  summary: string;
  /** The same in English; null when it could not be produced (offline, non-English grievance). */
  summaryEn: string | null;
}

export interface AiEngine {
  readonly kind: AiEngineKind;
  /** Recorded as `classifiedBy`: "openai:<model>" or "offline:<version>". */
  readonly id: string;
  classify(text: string, categories: readonly string[]): Promise<Classification>;
  summarize(text: string, language: string): Promise<Summary>;
  /** Null: this engine cannot translate (the grievance stays marked untranslated). */
  translate(text: string, from: string, to: string): Promise<string | null>;
  /** Two or three questions when the description is too thin to act on; an empty list otherwise. */
  followUps(text: string, language: string, categories: readonly string[]): Promise<string[]>;
}

/** Speech to text for voice notes. */
export interface Transcriber {
  readonly id: string;
  transcribe(audio: Buffer, fileName: string, mimeType: string): Promise<string>;
}

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: "English",
  ne: "Nepali",
  hi: "Hindi",
  te: "Telugu",
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code.split("-")[0] ?? code] ?? code;
}
