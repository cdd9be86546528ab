/** Hand-written example grievances of one category, in English and in Nepali (Devanagari). */
export interface CategoryExamples {
  category: string;
  en: readonly string[];
  ne: readonly string[];
}
