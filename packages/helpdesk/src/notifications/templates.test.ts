import { describe, expect, it } from "vitest";
import { chooseChannel } from "./queue";
import { smsNumber } from "./senders";
import { messageLanguage, NOTIFICATION_TEMPLATES, renderNotification } from "./templates";

const values = {
  reference: "GRV-2026-000042",
  status: "UNDER_EVALUATION" as const,
  escalationLevel: 2,
  disputeWindowDays: 30,
};

describe("notification templates", () => {
  it("every template exists in English and Nepali and names the reference", () => {
    for (const template of NOTIFICATION_TEMPLATES) {
      for (const language of ["en", "ne"] as const) {
        const message = renderNotification(template, language, values);
        expect(message.subject).toContain("GRV-2026-000042");
        expect(message.text).toContain("GRV-2026-000042");
        if (language === "ne") expect(message.text).toMatch(/[\u0900-\u097F]/);
      }
    }
  });

  it("says the new status, the escalation level, and how to dispute a resolution", () => {
    expect(renderNotification("status_changed", "en", values).text).toBe(
      "The status of your grievance GRV-2026-000042 is now: Under evaluation.",
    );
    expect(renderNotification("status_changed", "ne", values).text).toContain("मूल्याङ्कन हुँदै");
    expect(renderNotification("escalated", "en", values).text).toContain(
      "level 2 (project implementation unit)",
    );
    const resolved = renderNotification("resolved", "en", values).text;
    expect(resolved).toContain("dispute it within 30 days");
    expect(resolved).toContain('"dispute GRV-2026-000042"');
    expect(renderNotification("resolved", "ne", values).text).toContain("30 दिनभित्र");
  });

  it("writes in Nepali for Nepali grievances and in English otherwise", () => {
    expect(messageLanguage("ne")).toBe("ne");
    expect(messageLanguage("en")).toBe("en");
    expect(messageLanguage("hi")).toBe("en");
  });
});

describe("chooseChannel", () => {
  it("uses the preferred channel when its contact exists, else email, else SMS", () => {
    expect(chooseChannel({ preferredChannel: "WHATSAPP", hasEmail: true, hasPhone: true })).toBe(
      "WHATSAPP",
    );
    expect(chooseChannel({ preferredChannel: "EMAIL", hasEmail: false, hasPhone: true })).toBe(
      "SMS",
    );
    expect(chooseChannel({ preferredChannel: null, hasEmail: true, hasPhone: true })).toBe("EMAIL");
    expect(chooseChannel({ preferredChannel: null, hasEmail: false, hasPhone: false })).toBeNull();
  });
});

describe("smsNumber", () => {
  it("gives Sparrow SMS the 10-digit national number for Nepal", () => {
    expect(smsNumber("+9779841234567")).toBe("9841234567");
    expect(smsNumber("+919876543210")).toBe("919876543210");
  });
});
