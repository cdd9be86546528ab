import { describe, expect, it } from "vitest";
import { assembleTaskList, defaultTaskList } from "./tasks";

const noop = () => undefined;

describe("assembleTaskList", () => {
  it("merges the domains' task lists", () => {
    expect(
      Object.keys(
        assembleTaskList({ a: { "file.process": noop }, b: { "intel.ingestDir": noop } }),
      ),
    ).toEqual(["file.process", "intel.ingestDir"]);
  });

  it("refuses a task that is not in the catalog", () => {
    expect(() => assembleTaskList({ helpdesk: { "grievance.clasify": noop } })).toThrow(
      /helpdesk defines task "grievance.clasify", which is not in @sunuwai\/jobs' catalog/,
    );
  });

  it("refuses a task claimed by two domains", () => {
    expect(() =>
      assembleTaskList({ helpdesk: { "file.process": noop }, intel: { "file.process": noop } }),
    ).toThrow(/"file.process" is defined by both helpdesk and intel/);
  });

  it("assembles the real helpdesk and intel lists without conflicts", () => {
    expect(() => defaultTaskList()).not.toThrow();
  });
});
