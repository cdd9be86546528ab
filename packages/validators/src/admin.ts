import { z } from "zod";
import { apiTokenScopeSchema, roleSchema } from "./roles";

export const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabledAt: z.date().nullable(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  /** Number of wards in the user's jurisdiction. */
  wardCount: z.number().int().nonnegative(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const setUserDisabledInputSchema = z.object({
  userId: z.uuid(),
  disabled: z.boolean(),
});
export type SetUserDisabledInput = z.infer<typeof setUserDisabledInputSchema>;

/** An API token as lists show it: never the secret or its hash, only the recognisable prefix. */
export const apiTokenSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiTokenScopeSchema),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdById: z.uuid().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

export const createApiTokenInputSchema = z.object({
  name: z.string().trim().min(1, { error: "Give the token a name." }).max(100),
  scopes: z
    .array(apiTokenScopeSchema)
    .min(1, { error: "Choose at least one scope." })
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.date().nullish(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInputSchema>;

export const createdApiTokenSchema = z.object({
  /** The secret, shown exactly once. */
  token: z.string(),
  record: apiTokenSummarySchema,
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenIdInputSchema = z.object({ id: z.uuid() });
