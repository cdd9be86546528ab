/** The category that marks a grievance sensitive (restricted handling) as soon as it is assigned. */
export const SEAH_CATEGORY = "Gender/SEAH";

/** Categories of a typical project grievance mechanism (World Bank / ADB style GRM). */
export const DEFAULT_CATEGORIES = [
  "Environmental",
  "Water Supply",
  "Road/Infrastructure",
  "Land Acquisition & Compensation",
  "Health & Safety",
  SEAH_CATEGORY,
  "Labour",
  "Corruption",
  "Other",
] as const;

export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number];

/** Parses GRIEVANCE_CATEGORIES ("A, B, C"); unset or empty gives the default list. */
export function parseCategories(value: string | undefined): string[] {
  const list = (value ?? "")
    .split(",")
    .map((category) => category.trim())
    .filter((category) => category.length > 0);
  return list.length > 0 ? [...new Set(list)] : [...DEFAULT_CATEGORIES];
}

export function isSensitiveClassification(categories: readonly string[]): boolean {
  return categories.includes(SEAH_CATEGORY);
}
