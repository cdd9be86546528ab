import type { LabelledText } from "../naive-bayes";
import { corruption } from "./corruption";
import { environmental } from "./environmental";
import { genderSeah } from "./gender-seah";
import { healthSafety } from "./health-safety";
import { labour } from "./labour";
import { landCompensation } from "./land-compensation";
import { other } from "./other";
import { roadInfrastructure } from "./road-infrastructure";
import type { CategoryExamples } from "./types";
import { waterSupply } from "./water-supply";

const ALL: readonly CategoryExamples[] = [
  environmental,
  waterSupply,
  roadInfrastructure,
  landCompensation,
  healthSafety,
  genderSeah,
  labour,
  corruption,
  other,
];

export interface LabelledGrievance extends LabelledText {
  language: "en" | "ne";
}

/** Every hand-labelled example grievance, in a fixed order. */
export function labelledGrievances(): LabelledGrievance[] {
  return ALL.flatMap(({ category, en, ne }) => [
    ...en.map((text) => ({ label: category, language: "en" as const, text })),
    ...ne.map((text) => ({ label: category, language: "ne" as const, text })),
  ]);
}
