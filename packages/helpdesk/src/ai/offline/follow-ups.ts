import { STOPWORDS } from "./stopwords";
import { words } from "./tokenize";

type Language = "en" | "ne";
type Questions = Readonly<Record<Language, readonly string[]>>;

/** Below this many content words a description rarely says what, where and since when. */
const THIN_CONTENT_WORDS = 12;

const LOCATION_HINT =
  /\b(ward|tole|village|near|road|market|school)\b|वडा|टोल|गाउँ|नजिक|छेउ|बजार|विद्यालय|[0-9०-९]/iu;
const TIME_HINT =
  /\b(since|ago|days?|weeks?|months?|yesterday|today|morning|night)\b|देखि|अघि|दिन|हप्ता|महिना|हिजो|आज|बिहान|राति/iu;

const ASK_LOCATION: Questions = {
  en: ["Where exactly did this happen (ward, tole or the nearest landmark)?"],
  ne: ["यो ठ्याक्कै कहाँ भयो (वडा, टोल वा नजिकको चिनिने ठाउँ)?"],
};
const ASK_TIME: Questions = {
  en: ["When did this start, and is it still happening?"],
  ne: ["यो कहिलेदेखि भइरहेको छ, र अहिले पनि भइरहेको छ?"],
};

const BY_CATEGORY: Readonly<Record<string, Questions>> = {
  Environmental: {
    en: [
      "Which company, site or machine is causing it?",
      "How are you, your crops or animals affected?",
    ],
    ne: [
      "कुन कम्पनी, साइट वा मेसिनले यो गरिरहेको छ?",
      "यसले तपाईं, तपाईंको बाली वा पशुलाई कसरी असर गरेको छ?",
    ],
  },
  "Water Supply": {
    en: [
      "How many households are without water, and since when?",
      "Is the problem no water, dirty water or a broken pipe or tap?",
    ],
    ne: [
      "कति घरधुरीमा कहिलेदेखि पानी छैन?",
      "समस्या पानी नआउने हो, फोहोर पानी हो कि पाइप वा धारा बिग्रिएको हो?",
    ],
  },
  "Road/Infrastructure": {
    en: [
      "Which road or structure is it, and between which places?",
      "Is anyone in danger because of it right now?",
    ],
    ne: ["कुन सडक वा संरचना हो, कहाँदेखि कहाँसम्म?", "यसका कारण अहिले कसैलाई खतरा छ?"],
  },
  "Land Acquisition & Compensation": {
    en: [
      "What is the plot number (kitta) and who is the registered owner?",
      "What were you offered or paid, and when?",
    ],
    ne: ["कित्ता नम्बर के हो र जग्गाधनी को हुनुहुन्छ?", "तपाईंलाई कति रकम कहिले प्रस्ताव वा भुक्तानी गरियो?"],
  },
  "Health & Safety": {
    en: ["Was anyone hurt, and do they need help now?", "Which site or work is unsafe?"],
    ne: ["कोही घाइते हुनुभयो? अहिले सहयोग चाहिन्छ?", "कुन साइट वा काम असुरक्षित छ?"],
  },
  "Gender/SEAH": {
    en: ["Are you safe right now?", "Would you prefer to speak with a woman officer?"],
    ne: ["तपाईं अहिले सुरक्षित हुनुहुन्छ?", "के तपाईं महिला अधिकारीसँग कुरा गर्न चाहनुहुन्छ?"],
  },
  Labour: {
    en: ["Which contractor or company employs you?", "How much is owed, and for which period?"],
    ne: ["तपाईंलाई कुन ठेकेदार वा कम्पनीले काममा राखेको छ?", "कति रकम कुन अवधिको बाँकी छ?"],
  },
  Corruption: {
    en: [
      "Who asked for the money or favour (name or post), and when?",
      "Do you have any proof, such as a receipt, message or witness?",
    ],
    ne: ["पैसा वा सुविधा कसले (नाम वा पद) कहिले माग्यो?", "रसिद, सन्देश वा साक्षी जस्ता कुनै प्रमाण छ?"],
  },
  Other: {
    en: [
      "What would you like the project to do about this?",
      "Which office or person did you deal with?",
    ],
    ne: ["यसबारे आयोजनाले के गरोस् भन्ने चाहनुहुन्छ?", "तपाईंले कुन कार्यालय वा व्यक्तिसँग सम्पर्क गर्नुभयो?"],
  },
};

function contentWordCount(text: string): number {
  return words(text).filter((word) => !STOPWORDS.has(word)).length;
}

export function isThinDescription(text: string): boolean {
  return (
    contentWordCount(text) < THIN_CONTENT_WORDS ||
    !LOCATION_HINT.test(text) ||
    !TIME_HINT.test(text)
  );
}

/** Two or three questions for a thin description, from templates by category; none when it is detailed. */
export function offlineFollowUps(text: string, language: string, category: string): string[] {
  if (!isThinDescription(text)) return [];
  const lang: Language = language === "ne" ? "ne" : "en";
  const questions = [...(BY_CATEGORY[category] ?? BY_CATEGORY.Other ?? { en: [], ne: [] })[lang]];
  if (!LOCATION_HINT.test(text)) questions.unshift(...ASK_LOCATION[lang]);
  if (!TIME_HINT.test(text)) questions.push(...ASK_TIME[lang]);
  return questions.slice(0, 3);
}
