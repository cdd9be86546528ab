import { STOPWORDS } from "./stopwords";
import { words } from "./tokenize";

const MAX_SUMMARY_CHARS = 300;

/** Sentences end at . ! ? or the Nepali danda (। ॥). */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?।॥])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function contentWords(sentence: string): Set<string> {
  return new Set(words(sentence).filter((word) => !STOPWORDS.has(word) && word.length > 1));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}

function clip(text: string): string {
  if (text.length <= MAX_SUMMARY_CHARS) return text;
  const cut = text.slice(0, MAX_SUMMARY_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_SUMMARY_CHARS - 40)).trimEnd()}…`;
}

/**
 * An extractive summary in the text's own language: the one or two sentences that share the most words with
 * the rest (the most central ones), kept in their original order; the first sentence wins ties.
 */
export function extractiveSummary(text: string): string {
  const sentences = splitSentences(text);
  if (sentences.length <= 2) return clip(sentences.join(" "));
  const bags = sentences.map(contentWords);
  const ranked = sentences
    .map((_, index) => ({
      index,
      score: bags.reduce(
        (sum, other, j) => (j === index ? sum : sum + overlap(bags[index] ?? new Set(), other)),
        0,
      ),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen = ranked
    .slice(0, 2)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
  return clip(chosen.map((index) => sentences[index]).join(" "));
}
