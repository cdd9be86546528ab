import type { Role } from "../generated/prisma/enums";

export interface SeedUser {
  email: string;
  name: string;
  role: Role;
  /** Ward codes of an officer's jurisdiction. */
  wardCodes: string[];
}

const kmc = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `KMC-${String(from + i).padStart(2, "0")}`);

/** The dev/CI logins; all share the seed password. */
export const seedUsers: readonly SeedUser[] = [
  { email: "admin@sunuwai.local", name: "Administrator", role: "ADMIN", wardCodes: [] },
  {
    email: "supervisor@sunuwai.local",
    name: "Helpdesk Supervisor",
    role: "SUPERVISOR",
    wardCodes: [],
  },
  {
    email: "officer@sunuwai.local",
    name: "Ward Officer (Kathmandu 1–16, Hyderabad)",
    role: "OFFICER",
    wardCodes: [...kmc(1, 16), "WARD_001", "WARD_002", "WARD_003"],
  },
  {
    email: "officer2@sunuwai.local",
    name: "Ward Officer (Kathmandu 17–32)",
    role: "OFFICER",
    wardCodes: kmc(17, 32),
  },
  { email: "analyst@sunuwai.local", name: "Campaign Analyst", role: "ANALYST", wardCodes: [] },
];

export const CHATBOT_TOKEN_NAME = "chatbot";
export const CHATBOT_TOKEN_SCOPES = [
  "grievance:write",
  "grievance:read",
  "file:write",
  "wards:read",
];
