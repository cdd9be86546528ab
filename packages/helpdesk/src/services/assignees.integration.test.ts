import type { Db } from "@sunuwai/db";
import { createTestDatabase } from "@sunuwai/db/testing";
import type { TestDatabase } from "@sunuwai/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { createChatbot, createStaff, createWard, grievanceInput } from "../test/fixtures";
import { listAssignees } from "./assignees";
import { createGrievance } from "./create-grievance";

let db: Db;
let testDb: TestDatabase;
let chatbot: ChatbotActor;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  chatbot = await createChatbot(db);
});

afterAll(async () => {
  await testDb.drop();
});

describe("assignee picker", () => {
  it("offers the ward's officers (least open work first), then supervisors and admins; never other wards' officers, analysts or disabled staff", async () => {
    const ward = await createWard(db, "ASG-1");
    const otherWard = await createWard(db, "ASG-2");
    const busy = await createStaff(db, "OFFICER", "Busy Officer", [ward]);
    const outsider = await createStaff(db, "OFFICER", "Other Ward Officer", [otherWard]);
    const supervisor = await createStaff(db, "SUPERVISOR", "Asg Supervisor");
    await createStaff(db, "ANALYST", "Asg Analyst");
    const gone = await createStaff(db, "OFFICER", "Departed Officer", [ward]);
    await db.user.update({ where: { id: gone.userId }, data: { disabledAt: new Date() } });

    // Routing gives both grievances to the only active officer of the ward; a second officer then joins, idle.
    const first = await createGrievance(db, chatbot, grievanceInput({ ward: "ASG-1" }));
    await createGrievance(db, chatbot, grievanceInput({ ward: "ASG-1" }));
    const idle = await createStaff(db, "OFFICER", "Idle Officer", [ward]);

    const options = await listAssignees(db, supervisor, first.id);
    const names = options.map((option) => option.name);
    expect(names.slice(0, 2)).toEqual(["Idle Officer", "Busy Officer"]);
    expect(options.find((option) => option.id === busy.userId)?.openGrievances).toBe(2);
    expect(options.find((option) => option.id === idle.userId)?.openGrievances).toBe(0);
    expect(names).toContain("Asg Supervisor");
    expect(options.findIndex((o) => o.id === supervisor.userId)).toBeGreaterThan(1);
    expect(names).not.toContain("Other Ward Officer");
    expect(names).not.toContain("Asg Analyst");
    expect(names).not.toContain("Departed Officer");

    // An officer of another jurisdiction learns nothing, not even that the grievance exists.
    await expect(listAssignees(db, outsider, first.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const analyst: StaffActor = { userId: supervisor.userId, role: "ANALYST", wardIds: [] };
    await expect(listAssignees(db, analyst, first.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
