import { describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../categories";
import { OfflineClassifier } from "./classifier";
import { labelledGrievances } from "./data";
import { evaluateOfflineClassifier } from "./evaluation";
import { isThinDescription, offlineFollowUps } from "./follow-ups";
import { getOfflineClassifier } from ".";
import { extractiveSummary, splitSentences } from "./summary";

const categories = [...DEFAULT_CATEGORIES];

describe("the labelled data set", () => {
  it("has 40–60 examples per category, in both English and Nepali", () => {
    const examples = labelledGrievances();
    for (const category of categories) {
      const own = examples.filter((example) => example.label === category);
      expect(own.length).toBeGreaterThanOrEqual(40);
      expect(own.length).toBeLessThanOrEqual(60);
      expect(
        own
          .filter((example) => example.language === "ne")
          .every((example) => /[\u0900-\u097F]/.test(example.text)),
      ).toBe(true);
      expect(own.some((example) => example.language === "en")).toBe(true);
    }
    expect(new Set(examples.map((example) => example.text)).size).toBe(examples.length);
  });
});

describe("offline classifier", () => {
  it("gets at least 80% of the held-out examples right, in each language", () => {
    const report = evaluateOfflineClassifier();
    expect(report.testSize).toBe(90);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.8);
    for (const row of Object.values(report.byLanguage))
      expect(row.correct / row.total).toBeGreaterThanOrEqual(0.75);
  });

  it("beats the same model without its keyword prior, and chance", () => {
    const examples = labelledGrievances();
    const plain = new OfflineClassifier(
      examples.filter((_, index) => index % 5 !== 0),
      { smoothing: 1, keywordBoost: 0, maxKeywordHits: 0 },
    );
    const held = examples.filter((_, index) => index % 5 === 0);
    const plainAccuracy =
      held.filter(
        (example) => plain.classify(example.text, categories).categories[0] === example.label,
      ).length / held.length;
    expect(plainAccuracy).toBeGreaterThan(1 / categories.length);
    expect(evaluateOfflineClassifier().accuracy).toBeGreaterThan(plainAccuracy);
  });

  it.each([
    ["The tap in our tole has been dry for ten days and the tanker never came.", "Water Supply"],
    ["हाम्रो टोलको धारामा दस दिनदेखि पानी आएको छैन।", "Water Supply"],
    [
      "A worker at the camp keeps touching the girls who pass by and makes vulgar remarks.",
      "Gender/SEAH",
    ],
    ["क्याम्पका कामदारले बाटोमा हिँड्ने छात्रालाई जिस्क्याउँछन् र छुन खोज्छन्।", "Gender/SEAH"],
    ["The officer asked for a bribe of 5000 rupees to process my compensation file.", "Corruption"],
    ["ठेकेदारले तीन महिनादेखि हाम्रो ज्याला दिएको छैन।", "Labour"],
  ])("classifies %j as %s", (text, expected) => {
    expect(getOfflineClassifier().classify(text, categories).categories[0]).toBe(expected);
  });

  it("only returns categories from the configured list", () => {
    const result = getOfflineClassifier().classify("No water in the tap for a week", [
      "Other",
      "Environmental",
    ]);
    expect(["Other", "Environmental"]).toContain(result.categories[0]);
    expect(getOfflineClassifier().classify("No water", ["Custom only"]).categories).toEqual([
      "Custom only",
    ]);
  });
});

describe("extractive summary", () => {
  it("keeps a short description as it is", () => {
    expect(extractiveSummary("No water for a week.")).toBe("No water for a week.");
  });

  it("picks the most central sentences, in their order, for Nepali text split at the danda", () => {
    const text =
      "नमस्ते। हाम्रो वडामा खानेपानीको धारा बिग्रिएको छ। धारा बिग्रिएकाले दुई हप्तादेखि पानी आएको छैन। " +
      "मेरो छोरा विदेशमा छ। कृपया धाराको पानी छिटो मर्मत गरिदिनुहोस्।";
    expect(splitSentences(text)).toHaveLength(5);
    const summary = extractiveSummary(text);
    expect(summary).toContain("धारा बिग्रिएकाले दुई हप्तादेखि पानी आएको छैन।");
    expect(summary).not.toContain("विदेशमा");
  });

  it("clips a long single sentence at a word boundary", () => {
    const summary = extractiveSummary(`${"The road is broken ".repeat(40)}.`);
    expect(summary.length).toBeLessThanOrEqual(301);
    expect(summary.endsWith("…")).toBe(true);
  });
});

describe("follow-up questions", () => {
  it("asks two or three questions in the grievance's language when the description is thin", () => {
    expect(isThinDescription("Water problem")).toBe(true);
    const english = offlineFollowUps("Water problem", "en", "Water Supply");
    expect(english.length).toBeGreaterThanOrEqual(2);
    expect(english.length).toBeLessThanOrEqual(3);
    expect(english[0]).toMatch(/Where exactly/);
    const nepali = offlineFollowUps("पानी समस्या", "ne", "Water Supply");
    expect(nepali.every((question) => /[\u0900-\u097F]/.test(question))).toBe(true);
  });

  it("asks nothing when the description says what, where and since when", () => {
    const detailed =
      "In ward 7 near the school, the public tap has given muddy water since three weeks ago; children got diarrhoea and forty households depend on it.";
    expect(offlineFollowUps(detailed, "en", "Water Supply")).toEqual([]);
  });
});
