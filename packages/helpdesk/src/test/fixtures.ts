import { randomBytes, randomUUID } from "node:crypto";
import type { Db, Role } from "@sunuwai/db";
import type { CreateGrievanceInput } from "@sunuwai/validators";
import type { ChatbotActor, StaffActor } from "../access/actor";

export async function createWard(db: Db, code: string): Promise<string> {
  const ward = await db.ward.create({
    data: {
      code,
      name: `Ward ${code}`,
      municipality: "Kathmandu",
      district: "Kathmandu",
      province: "Bagmati",
      country: "NP",
      aliases: [],
    },
    select: { id: true },
  });
  return ward.id;
}

/** A staff member; officers get jurisdiction over `wardIds`. Returns the actor the API would build. */
export async function createStaff(
  db: Db,
  role: Role,
  name: string,
  wardIds: string[] = [],
): Promise<StaffActor> {
  const user = await db.user.create({
    data: {
      email: `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@test.local`,
      name,
      role,
      passwordHash: "not-a-real-hash",
      jurisdictions: { create: wardIds.map((wardId) => ({ wardId })) },
    },
    select: { id: true },
  });
  return { userId: user.id, role, wardIds };
}

export async function createChatbot(db: Db): Promise<ChatbotActor> {
  const token = await db.apiToken.create({
    data: {
      name: "test chatbot",
      tokenHash: randomBytes(32).toString("hex"),
      prefix: "sk_test",
      scopes: ["grievance:write", "grievance:read"],
    },
    select: { id: true },
  });
  return { apiTokenId: token.id };
}

let phoneCounter = 0;
/** A distinct valid Nepali mobile per call (984 + 7 digits). */
export function nextPhone(): string {
  phoneCounter += 1;
  return `984${String(1_000_000 + ((process.pid * 7919 + phoneCounter) % 9_000_000)).padStart(7, "0")}`;
}

export function grievanceInput(
  over: Partial<CreateGrievanceInput> & { phone?: string; ward?: string } = {},
): CreateGrievanceInput {
  const { phone, ...rest } = over;
  return {
    complainant: {
      fullName: "Sita Kumari Shrestha",
      phone: phone ?? nextPhone(),
      email: "sita.shrestha@example.com",
      address: "Tole 4, Baneshwor",
    },
    description:
      "The drinking water supply in our tole has been cut for two weeks and the tanker never comes.",
    language: "en",
    ...rest,
  };
}

/** The grievance's notifications in event order, each with whether its `notification.send` job is waiting. */
export async function notificationsFor(
  db: Db,
  grievanceId: string,
): Promise<{ template: string; idempotencyKey: string; status: string; jobQueued: boolean }[]> {
  return db.$queryRaw`
    SELECT n.template, n."idempotencyKey", n.status::text AS status,
      EXISTS (SELECT 1 FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
              WHERE t.identifier = 'notification.send' AND j.payload->>'notificationId' = n.id::text) AS "jobQueued"
    FROM "Notification" n WHERE n."grievanceId" = ${grievanceId}::uuid
    ORDER BY substring(n."idempotencyKey" FROM 7)::bigint`;
}
