import { describe, expect, it } from "vitest";
import { landingPath, safeCallbackPath, sectionOfPath } from "./sections";

describe("landingPath", () => {
  it("sends each role to the section it works in", () => {
    expect(landingPath("OFFICER")).toBe("/helpdesk");
    expect(landingPath("SUPERVISOR")).toBe("/helpdesk");
    expect(landingPath("ANALYST")).toBe("/intel");
    expect(landingPath("ADMIN")).toBe("/admin");
  });

  it("returns to the requested page when the role may open it", () => {
    expect(landingPath("OFFICER", "/helpdesk/grievances?status=open")).toBe(
      "/helpdesk/grievances?status=open",
    );
    expect(landingPath("SUPERVISOR", "/helpdesk?from=email")).toBe("/helpdesk?from=email");
    expect(landingPath("ADMIN", "/intel")).toBe("/intel");
  });

  it("ignores a requested page the role may not open, or one outside the sections", () => {
    expect(landingPath("ANALYST", "/helpdesk")).toBe("/intel");
    expect(landingPath("OFFICER", "/admin")).toBe("/helpdesk");
    expect(landingPath("OFFICER", "/login")).toBe("/helpdesk");
    expect(landingPath("OFFICER", "/")).toBe("/helpdesk");
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/helpdesk?x=1")).toBe("/helpdesk?x=1");
    expect(safeCallbackPath("http://app.test/intel", "http://app.test")).toBe("/intel");
  });

  it("refuses anything that could leave the site", () => {
    for (const evil of [
      "https://evil.example/helpdesk",
      "//evil.example/helpdesk",
      "/\\evil.example",
      "javascript:alert(1)",
      "helpdesk",
    ]) {
      expect(safeCallbackPath(evil, "http://app.test"), evil).toBeNull();
    }
    expect(safeCallbackPath("http://app.test/intel")).toBeNull();
  });
});

describe("sectionOfPath", () => {
  it("matches whole path segments only", () => {
    expect(sectionOfPath("/helpdesk/g/1")).toBe("helpdesk");
    expect(sectionOfPath("/intel?ward=KMC-01")).toBe("intel");
    expect(sectionOfPath("/admin#tokens")).toBe("admin");
    expect(sectionOfPath("/helpdesk-old")).toBeNull();
    expect(sectionOfPath("/api/health")).toBeNull();
  });
});
