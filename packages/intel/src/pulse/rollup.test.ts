import { describe, expect, it } from "vitest";
import { DAY_EVIDENCE, evidencePostId, FIGURE_EVIDENCE, postedAt, RollupAccumulator } from "./rollup";

const post = (n: number, source: string, topics: string[] = ["water"], party: string | null = null) => ({
  id: `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`,
  at: postedAt("2026-06-01"),
  wardId: "ward",
  day: "2026-06-01",
  sentiment: 0,
  topics,
  party,
  source,
});

describe("RollupAccumulator evidence", () => {
  it("keeps the day's first posts and each figure's newest, bounded, with the outlets that covered it", () => {
    const rollup = new RollupAccumulator();
    // Added out of order: the evidence is ordered by (publishedAt, id) whatever the order posts arrive in.
    for (const n of [7, 3, 12, 1, 9, 4, 15, 2, 11, 6, 14, 5, 13, 8, 10]) rollup.add(post(n, n % 2 === 0 ? "Outlet B" : "Outlet A", ["water"], n === 4 ? "BJP" : null));
    const [delta] = rollup.take();
    const ids = (key: string) => (delta?.evidence[key] ?? []).map((entry) => Number(evidencePostId(entry).slice(-12)));
    expect(delta?.posts).toBe(15);
    expect(ids("day")).toEqual([1, 2, 3, 4, 5].slice(0, DAY_EVIDENCE));
    expect(ids("topic:water")).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6].slice(0, FIGURE_EVIDENCE));
    expect(ids("party:BJP")).toEqual([4]);
    expect(ids("source:Outlet A")).toEqual([15, 13, 11, 9, 7, 5, 3, 1]);
    expect(delta?.evidence["outlets-topic:water"]).toEqual(["Outlet A", "Outlet B"]);
    expect(delta?.evidence["outlets-party:BJP"]).toEqual(["Outlet B", "Outlet B"]);
  });

  it("counts a post once in a topic's evidence even when the topic is listed twice", () => {
    const rollup = new RollupAccumulator();
    rollup.add(post(1, "Outlet A", ["water", "water"]));
    const [delta] = rollup.take();
    expect(delta?.topics).toEqual({ water: 2 });
    expect(delta?.evidence["topic:water"]).toHaveLength(1);
  });
});
