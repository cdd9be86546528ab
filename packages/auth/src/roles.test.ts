import { describe, expect, it } from "vitest";
import { canUseSection, sectionsFor } from "./roles";

describe("canUseSection", () => {
  it("opens the helpdesk to officers, supervisors and admins only", () => {
    expect(canUseSection("OFFICER", "helpdesk")).toBe(true);
    expect(canUseSection("SUPERVISOR", "helpdesk")).toBe(true);
    expect(canUseSection("ADMIN", "helpdesk")).toBe(true);
    expect(canUseSection("ANALYST", "helpdesk")).toBe(false);
  });

  it("opens intel to analysts and admins, and admin to admins", () => {
    expect(sectionsFor("ANALYST")).toEqual(["intel"]);
    expect(sectionsFor("OFFICER")).toEqual(["helpdesk"]);
    expect(sectionsFor("SUPERVISOR")).toEqual(["helpdesk"]);
    expect(sectionsFor("ADMIN")).toEqual(["helpdesk", "intel", "admin"]);
  });
});
