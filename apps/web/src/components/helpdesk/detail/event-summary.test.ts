import { describe, expect, it } from "vitest";
import { GRIEVANCE_STATUS_LABELS } from "@sunuwai/validators";
import type { TimelineEvent } from "@sunuwai/validators";
import { helpdeskEn } from "~/messages/helpdesk.en";
import { helpdeskNe } from "~/messages/ne";
import { summarizeEvent } from "./event-summary";

const officerId = "7c6b2a51-3f8e-4c1d-9a0b-1e2f3a4b5c6d";

function event(type: string, payload: Record<string, unknown>): TimelineEvent {
  return {
    id: "42",
    type,
    public: false,
    at: new Date("2026-03-04T08:00:00Z"),
    actor: { kind: "user", id: officerId, name: "Ward Officer" },
    payload,
  };
}

const context = {
  t: helpdeskEn,
  statusLabel: (status: keyof typeof GRIEVANCE_STATUS_LABELS) => GRIEVANCE_STATUS_LABELS[status].en,
  nameOf: (id: string) => (id === officerId ? "Ward Officer" : null),
};

describe("timeline summaries", () => {
  it("says which personal data was revealed and why, and nothing else from the payload", () => {
    const revealed = summarizeEvent(
      event("PII_REVEALED", {
        fields: ["phone", "name"],
        reason: "Calling to arrange a site visit",
        complainantId: "c0ffee00-0000-4000-8000-000000000000",
        // A value that must never be displayed even if a payload carried it.
        phone: "+9779841234567",
      }),
      context,
    );
    expect(revealed.lines).toEqual([
      "Fields shown: Phone, Name",
      "Reason: Calling to arrange a site visit",
    ]);
    expect(JSON.stringify(revealed)).not.toContain("9841234567");
    expect(revealed.quote).toBeNull();
  });

  it("names statuses and people instead of showing codes and ids", () => {
    expect(
      summarizeEvent(
        event("STATUS_CHANGED", {
          from: "SUBMITTED",
          to: "UNDER_EVALUATION",
          reason: "Site visit booked",
        }),
        context,
      ).lines,
    ).toEqual(["Submitted → Under evaluation", "Reason: Site visit booked"]);
    expect(
      summarizeEvent(event("ASSIGNED", { assigneeId: officerId, routing: "ward_officer" }), context)
        .lines,
    ).toEqual([
      "Assigned to Ward Officer.",
      "Routed to the ward's officer with the least open work.",
    ]);
    expect(
      summarizeEvent(event("ASSIGNED", { assigneeId: null, routing: "supervisor_queue" }), context)
        .lines,
    ).toEqual(["No officer covers this ward: sent to the supervisors' queue."]);
  });

  it("quotes notes and replies, and summarises classifier output with its confidence", () => {
    expect(
      summarizeEvent(event("NOTE_ADDED", { text: "Called the ward office." }), context),
    ).toEqual({
      lines: [],
      quote: "Called the ward office.",
    });
    expect(
      summarizeEvent(
        event("CLASSIFIED", {
          categories: ["Water Supply"],
          confidence: 0.823,
          by: "offline-nb-v1",
        }),
        context,
      ).lines,
    ).toEqual(["Categories: Water Supply", "Confidence 82%", "Engine: offline-nb-v1"]);
  });

  it("speaks Nepali with the Nepali messages", () => {
    const nepali = summarizeEvent(
      event("PII_REVEALED", { fields: ["email"], reason: "इमेल पठाउन" }),
      {
        ...context,
        t: helpdeskNe,
      },
    );
    expect(nepali.lines).toEqual(["देखाइएका विवरण: इमेल", "कारण: इमेल पठाउन"]);
  });
});
