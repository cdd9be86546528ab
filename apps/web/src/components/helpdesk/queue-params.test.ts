import { describe, expect, it } from "vitest";
import {
  EMPTY_QUEUE_SEARCH,
  isFiltered,
  parseQueueSearch,
  queueInput,
  queueSearchString,
} from "./queue-params";

const ward = "3f0c3c4e-2a36-4a5e-9d7e-8d1e6f0b9a11";

describe("queue filters in the URL", () => {
  it("round-trips every filter through the query string", () => {
    const search = {
      status: "UNDER_EVALUATION" as const,
      wardId: ward,
      category: "Water Supply",
      assignee: "unassigned",
      overdue: true,
      text: "tanker",
      page: 3,
      sort: "dueSoonest" as const,
    };
    const query = queueSearchString(search);
    expect(parseQueueSearch(new URLSearchParams(query))).toEqual(search);
  });

  it("keeps a plain queue's URL plain", () => {
    expect(queueSearchString(EMPTY_QUEUE_SEARCH)).toBe("");
    expect(isFiltered(EMPTY_QUEUE_SEARCH)).toBe(false);
    expect(isFiltered({ ...EMPTY_QUEUE_SEARCH, page: 4, sort: "oldest" })).toBe(false);
    expect(isFiltered({ ...EMPTY_QUEUE_SEARCH, overdue: true })).toBe(true);
  });

  it("drops what the address bar cannot mean instead of failing the page", () => {
    const parsed = parseQueueSearch(
      new URLSearchParams("status=LOST&ward=KMC-01&assignee=bob&page=-2&sort=random&q=%20%20"),
    );
    expect(parsed).toEqual(EMPTY_QUEUE_SEARCH);
  });

  it("asks the API for every open status when the filter says open, and for 'me'", () => {
    const input = queueInput({ ...EMPTY_QUEUE_SEARCH, status: "open", assignee: "me" });
    expect(input.status).toEqual(["SUBMITTED", "UNDER_EVALUATION", "ESCALATED", "DISPUTED"]);
    expect(input.assignee).toBe("me");
    expect(input).not.toHaveProperty("wardId");
  });
});
