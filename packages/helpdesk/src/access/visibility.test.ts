import { describe, expect, it } from "vitest";
import type { StaffActor } from "./actor";
import {
  canRevealPii,
  canSeeGrievance,
  chatbotMaySeeLiveEvent,
  staffMaySeeLiveEvent,
} from "./visibility";

const WARD_A = "00000000-0000-4000-8000-00000000000a";
const WARD_B = "00000000-0000-4000-8000-00000000000b";
const officer: StaffActor = {
  userId: "00000000-0000-4000-8000-000000000001",
  role: "OFFICER",
  wardIds: [WARD_A],
};
const colleague = "00000000-0000-4000-8000-000000000002";
const supervisor: StaffActor = {
  userId: "00000000-0000-4000-8000-000000000003",
  role: "SUPERVISOR",
  wardIds: [],
};
const analyst: StaffActor = {
  userId: "00000000-0000-4000-8000-000000000004",
  role: "ANALYST",
  wardIds: [WARD_A],
};

const grievance = (
  over: Partial<{
    wardId: string | null;
    assigneeId: string | null;
    sensitive: boolean;
    categories: string[];
  }>,
) => ({
  wardId: WARD_A,
  assigneeId: colleague,
  sensitive: false,
  categories: ["Water Supply"],
  ...over,
});

describe("who sees a grievance", () => {
  it("officers see their jurisdiction and what is assigned to them", () => {
    expect(canSeeGrievance(officer, grievance({}))).toBe(true);
    expect(canSeeGrievance(officer, grievance({ wardId: WARD_B }))).toBe(false);
    expect(
      canSeeGrievance(officer, grievance({ wardId: WARD_B, assigneeId: officer.userId })),
    ).toBe(true);
    expect(canSeeGrievance(officer, grievance({ wardId: null, assigneeId: null }))).toBe(false);
  });

  it("sensitive cases only by their assignee among officers, by flag or by category", () => {
    expect(canSeeGrievance(officer, grievance({ sensitive: true }))).toBe(false);
    expect(canSeeGrievance(officer, grievance({ categories: ["Gender/SEAH"] }))).toBe(false);
    expect(
      canSeeGrievance(officer, grievance({ sensitive: true, assigneeId: officer.userId })),
    ).toBe(true);
    expect(canSeeGrievance(supervisor, grievance({ sensitive: true, wardId: WARD_B }))).toBe(true);
  });

  it("analysts see nothing", () => {
    expect(canSeeGrievance(analyst, grievance({}))).toBe(false);
  });

  it("only supervisors, admins and the assignee reveal PII", () => {
    expect(canRevealPii(officer, { assigneeId: colleague })).toBe(false);
    expect(canRevealPii(officer, { assigneeId: officer.userId })).toBe(true);
    expect(canRevealPii(supervisor, { assigneeId: null })).toBe(true);
    expect(canRevealPii({ ...supervisor, role: "ADMIN" }, { assigneeId: null })).toBe(true);
  });
});

describe("live events", () => {
  const event = {
    wardId: WARD_A,
    assigneeId: colleague,
    sensitive: false,
    sourceApiTokenId: "00000000-0000-4000-8000-0000000000c1",
  };
  it("reach staff by the same rule as the grievance", () => {
    expect(staffMaySeeLiveEvent(officer, event)).toBe(true);
    expect(staffMaySeeLiveEvent(officer, { ...event, sensitive: true })).toBe(false);
    expect(staffMaySeeLiveEvent(officer, { ...event, wardId: WARD_B })).toBe(false);
    expect(staffMaySeeLiveEvent(supervisor, { ...event, wardId: WARD_B, sensitive: true })).toBe(
      true,
    );
    expect(staffMaySeeLiveEvent(analyst, event)).toBe(false);
  });

  it("reach a chatbot only for the grievances it filed", () => {
    expect(chatbotMaySeeLiveEvent({ apiTokenId: event.sourceApiTokenId }, event)).toBe(true);
    expect(
      chatbotMaySeeLiveEvent({ apiTokenId: "00000000-0000-4000-8000-0000000000c2" }, event),
    ).toBe(false);
  });
});
