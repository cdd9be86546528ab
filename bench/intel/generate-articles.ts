// Deterministic e-paper JSONL for benchmarks: ~1 KB articles in English, Nepali and Telugu over consecutive days,
// some naming a ward, ~1% exact repeats and ~2% near-duplicates (the same story from another outlet).
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const ENGLISH = (
  "mayor council budget school hospital bridge market temple river festival police traffic bus metro park library " +
  "farmers traders students teachers doctors nurses drivers workers residents officials engineers contractors water " +
  "road roads garbage drainage electricity outage protest corruption improvement inaugurated delayed crisis shortage " +
  "monday tuesday wednesday thursday friday saturday sunday morning evening night week month season year the a of " +
  "new old large small busy quiet early late central northern southern local national private and in on for with " +
  "opens closes starts ends moves grows falls rises waits asks plans builds repairs visits announces said will " +
  "cricket football music theatre cinema museum garden stadium airport station hotel office factory warehouse"
).split(" ");
const NEPALI = "सडक खानेपानी फोहोर विद्यालय अस्पताल बजेट वडा कार्यालय स्थानीय बासिन्दा समस्या सुधार विरोध विकास बिजुली यातायात नगरपालिका बैठक निर्णय योजना".split(" ");
const TELUGU = "రోడ్డు నీటి చెత్త పాఠశాల ఆసుపత్రి బడ్జెట్ స్థానికులు సమస్య అభివృద్ధి విద్యుత్ ట్రాఫిక్ సమావేశం నిర్ణయం ప్రణాళిక".split(" ");
/** A large pseudo-word vocabulary from syllables, so unrelated generated stories share few trigrams (like real ones). */
function syllableWords(syllables: readonly string[], count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(next() * 3);
    return Array.from({ length: n }, () => syllables[Math.floor(next() * syllables.length)]).join("");
  });
}
const LATIN_SYLLABLES = "ba be bi bo bu da de di do du ga ge gi go gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu".split(" ");
const DEVANAGARI_SYLLABLES = "क का कि की कु के को ग गा गि ज जा जि त ता ति तु द दा दि न ना नि नु प पा पि ब बा म मा मि र रा रि ल ला लि स सा सि ह हा".split(" ");
const TELUGU_SYLLABLES = "క కా కి కు గ గా గి చ చా జ జా ట టా డ డా త తా తి ద దా న నా ని ప పా బ బా మ మా మి య యా ర రా రి ల లా వ వా స సా".split(" ");
const ENGLISH_VOCABULARY = [...ENGLISH, ...syllableWords(LATIN_SYLLABLES, 4000, 1)];
const NEPALI_VOCABULARY = [...NEPALI, ...syllableWords(DEVANAGARI_SYLLABLES, 3000, 2)];
const TELUGU_VOCABULARY = [...TELUGU, ...syllableWords(TELUGU_SYLLABLES, 3000, 3)];

const OUTLETS = ["Kantipur", "The Himalayan Times", "Republica", "Nagarik", "Annapurna Post", "Setopati", "Deccan Chronicle", "Telangana Today", "The Hindu", "Eenadu", "Sakshi", "Namaste Telangana"];

export interface GenerateOptions {
  count: number;
  /** Ward names/aliases to mention (about a third of the articles name one). */
  wardNames: readonly string[];
  articlesPerDay?: number;
  startDate?: string;
  seed?: number;
}

/** Writes `count` JSONL lines to `file`; returns the bytes written. */
export async function generateArticles(file: string, options: GenerateOptions): Promise<number> {
  let seed = options.seed ?? 42;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (list: readonly string[], n: number) => Array.from({ length: n }, () => pick(list)).join(" ");
  const perDay = options.articlesPerDay ?? 2700;
  const start = Date.parse(`${options.startDate ?? "2025-01-01"}T00:00:00Z`);
  const recent: Record<string, string>[] = [];
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < options.count; i++) {
    const date = new Date(start + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const roll = random();
    let line: Record<string, string>;
    const previous = recent.length > 0 ? pick(recent) : undefined;
    if (previous && roll < 0.01) {
      line = previous;
    } else if (previous && roll < 0.03) {
      line = { ...previous, publication_name: pick(OUTLETS), title: `${previous.title} ${pick(ENGLISH)}` };
    } else {
      const script = random();
      const list = script < 0.1 ? NEPALI_VOCABULARY : script < 0.15 ? TELUGU_VOCABULARY : ENGLISH_VOCABULARY;
      const ward = random() < 0.35 ? ` ${pick(options.wardNames)}` : "";
      const bodyWords = list === ENGLISH_VOCABULARY ? 130 : 75;
      line = {
        publication_name: pick(OUTLETS),
        publication_date: date,
        title: `${words(list, 7)}${ward}`,
        body: `${words(list, bodyWords)}${ward}. ${i}`,
        city: list === TELUGU_VOCABULARY ? "Hyderabad" : "Kathmandu",
        language: list === NEPALI_VOCABULARY ? "ne" : list === TELUGU_VOCABULARY ? "te" : "en",
      };
      recent.push(line);
      if (recent.length > 1000) recent.shift();
    }
    const text = `${JSON.stringify(line)}\n`;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return bytes;
}
