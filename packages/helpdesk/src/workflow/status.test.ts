import { describe, expect, it } from "vitest";
import { GRIEVANCE_STATUSES } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";
import {
  allowedNextStatuses,
  assertTransition,
  canTransition,
  GRIEVANCE_STATUS_LABELS,
  isOpenStatus,
} from "./status";
import type { GrievanceStatus, TransitionActor } from "./status";

/** The complete list of legal moves, written out independently of the table under test. */
const LEGAL: [GrievanceStatus, GrievanceStatus, TransitionActor][] = [
  ["SUBMITTED", "UNDER_EVALUATION", "staff"],
  ["SUBMITTED", "ESCALATED", "staff"],
  ["SUBMITTED", "ESCALATED", "system"],
  ["UNDER_EVALUATION", "ESCALATED", "staff"],
  ["UNDER_EVALUATION", "ESCALATED", "system"],
  ["UNDER_EVALUATION", "RESOLVED", "staff"],
  ["UNDER_EVALUATION", "DENIED", "staff"],
  ["ESCALATED", "RESOLVED", "staff"],
  ["ESCALATED", "DENIED", "staff"],
  ["RESOLVED", "DISPUTED", "complainant"],
  ["DENIED", "DISPUTED", "complainant"],
  ["RESOLVED", "CLOSED", "staff"],
  ["RESOLVED", "CLOSED", "system"],
  ["DENIED", "CLOSED", "staff"],
  ["DENIED", "CLOSED", "system"],
  ["DISPUTED", "UNDER_EVALUATION", "staff"],
  ["DISPUTED", "ESCALATED", "staff"],
  ["DISPUTED", "ESCALATED", "system"],
];
const ACTORS: TransitionActor[] = ["staff", "complainant", "system"];
const isLegal = (from: GrievanceStatus, to: GrievanceStatus, actor: TransitionActor) =>
  LEGAL.some(([f, t, a]) => f === from && t === to && a === actor);

describe("status machine", () => {
  for (const from of GRIEVANCE_STATUSES) {
    for (const to of GRIEVANCE_STATUSES) {
      for (const actor of ACTORS) {
        const legal = isLegal(from, to, actor);
        it(`${from} → ${to} by ${actor}: ${legal ? "allowed" : "refused"}`, () => {
          expect(canTransition(from, to, actor)).toBe(legal);
          if (legal) {
            expect(() => assertTransition(from, to, actor)).not.toThrow();
            return;
          }
          let error: unknown;
          try {
            assertTransition(from, to, actor);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("CONFLICT");
          expect((error as AppError).message).toMatch(
            new RegExp(`^Cannot change status from ${from} to ${to}`),
          );
        });
      }
    }
  }

  it("explains who may do a move the actor may not", () => {
    expect(() => assertTransition("RESOLVED", "DISPUTED", "staff")).toThrow(
      "Cannot change status from RESOLVED to DISPUTED: only the complainant may do that. Possible next statuses: CLOSED.",
    );
    expect(() => assertTransition("RESOLVED", "SUBMITTED", "staff")).toThrow(
      "Cannot change status from RESOLVED to SUBMITTED: a resolved grievance cannot become submitted. Possible next statuses: CLOSED.",
    );
    expect(() => assertTransition("CLOSED", "UNDER_EVALUATION", "staff")).toThrow(
      /a closed grievance cannot become under evaluation\.$/,
    );
  });

  it("lists the next statuses per actor", () => {
    expect(allowedNextStatuses("UNDER_EVALUATION", "staff")).toEqual([
      "ESCALATED",
      "RESOLVED",
      "DENIED",
    ]);
    expect(allowedNextStatuses("DENIED", "complainant")).toEqual(["DISPUTED"]);
    expect(allowedNextStatuses("CLOSED", "staff")).toEqual([]);
  });

  it("has an English and a Nepali label for every status", () => {
    for (const status of GRIEVANCE_STATUSES) {
      expect(GRIEVANCE_STATUS_LABELS[status].en).toMatch(/^[A-Z][a-z ]+$/);
      expect(GRIEVANCE_STATUS_LABELS[status].ne).toMatch(/[\u0900-\u097F]/);
    }
  });

  it("counts submitted, under evaluation, escalated and disputed as open work", () => {
    expect(GRIEVANCE_STATUSES.filter(isOpenStatus)).toEqual([
      "SUBMITTED",
      "UNDER_EVALUATION",
      "ESCALATED",
      "DISPUTED",
    ]);
  });
});
