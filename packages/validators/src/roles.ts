import { z } from "zod";

/** Staff roles; the same strings as the `Role` enum in prisma/schema.prisma. */
export const ROLES = ["ADMIN", "SUPERVISOR", "OFFICER", "ANALYST"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** What an API token (the chatbot's credential) may do. */
export const API_TOKEN_SCOPES = [
  "grievance:write",
  "grievance:read",
  "file:write",
  "wards:read",
  "intel:read",
] as const;
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

/** Dashboard sections; which roles may open each is decided by `canUseSection` in @sunuwai/auth. */
export const SECTIONS = ["helpdesk", "intel", "admin"] as const;
export const sectionSchema = z.enum(SECTIONS);
export type Section = z.infer<typeof sectionSchema>;
