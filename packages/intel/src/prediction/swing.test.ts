import { describe, expect, it } from "vitest";
import { describeMethod, predictShares, scoreAgainst, SWING_RULE } from "./swing";

const last = { BJP: 0.45, INC: 0.35, BRS: 0.2 };

describe("predictShares", () => {
  it("equals the last result when there is no coverage, with the widest interval", () => {
    const p = predictShares(last, {});
    expect(p.voteShares).toEqual(last);
    expect(p.interval.BJP).toEqual([0.4, 0.5]);
    expect(p.confidence).toBe(0);
  });

  it("moves shares towards coverage and sentiment, never more than the bound, and sums to 1", () => {
    const p = predictShares(last, { BJP: { articles: 5, sentiment: -0.8 }, INC: { articles: 40, sentiment: 0.6 }, BRS: { articles: 5, sentiment: 0 } });
    expect(p.voteShares.INC).toBeGreaterThan(last.INC);
    expect(p.voteShares.BJP).toBeLessThan(last.BJP);
    for (const swing of Object.values(p.swings)) expect(Math.abs(swing)).toBeLessThanOrEqual(SWING_RULE.maxSwing);
    const sum = Object.values(p.voteShares).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 3);
    for (const [party, [low, high]] of Object.entries(p.interval)) {
      expect(low).toBeLessThanOrEqual(p.voteShares[party] ?? 0);
      expect(high).toBeGreaterThanOrEqual(p.voteShares[party] ?? 0);
    }
  });

  it("follows the published formula on a hand-checked case", () => {
    // N = 30 → w = 1. INC: m = 20/30, swing = 0.1·(0.6667 − 0.35) + 0.05·0.5·1 = 0.0567 → clamped to 0.05.
    // BJP: m = 10/30, swing = 0.1·(0.3333 − 0.45) + 0 = −0.0117. BRS: m = 0, swing = 0.1·(0 − 0.2) = −0.02.
    const p = predictShares(last, { INC: { articles: 20, sentiment: 0.5 }, BJP: { articles: 10, sentiment: 0 } });
    expect(p.swings).toEqual({ BJP: -0.0117, INC: 0.05, BRS: -0.02 });
    // Raw: 0.4383, 0.40, 0.18 → total 1.0183.
    expect(p.voteShares.INC).toBeCloseTo(0.4 / 1.01833, 3);
  });
});

describe("scoreAgainst", () => {
  it("averages absolute errors over every party and checks the winner", () => {
    expect(scoreAgainst({ A: 0.5, B: 0.5 }, { A: 0.6, B: 0.3, C: 0.1 })).toEqual({ meanAbsError: 0.1333, winnerCorrect: true });
    expect(scoreAgainst({ A: 0.4, B: 0.6 }, { A: 0.6, B: 0.4 }).winnerCorrect).toBe(false);
  });
});

describe("describeMethod", () => {
  it("spells out the base, window and weights", () => {
    const text = describeMethod({ baseElection: "GHMC-2020", windowDays: 30, articles: 12, confidence: 0.4 });
    expect(text).toContain("GHMC-2020");
    expect(text).toContain("12 articles");
    expect(text).toContain("±5 points");
  });
});
