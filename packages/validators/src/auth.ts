import { z } from "zod";
import { apiTokenScopeSchema, roleSchema } from "./roles";

/** Emails are compared lower-cased and trimmed, as they are stored. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254));

export const credentialsSchema = z.object({
  email: emailSchema,
  // Bounded so nobody can make the server hash megabytes with argon2.
  password: z.string().min(1, { error: "Enter your password." }).max(1024),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const userViewerSchema = z.object({
  kind: z.literal("user"),
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** Wards in the user's jurisdiction (OfficerWard). */
  wardIds: z.array(z.uuid()),
});
export type UserViewer = z.infer<typeof userViewerSchema>;

export const tokenViewerSchema = z.object({
  kind: z.literal("token"),
  tokenId: z.uuid(),
  name: z.string(),
  scopes: z.array(apiTokenScopeSchema),
});
export type TokenViewer = z.infer<typeof tokenViewerSchema>;

/** Who is calling: a signed-in staff member or an API token. */
export const viewerSchema = z.discriminatedUnion("kind", [userViewerSchema, tokenViewerSchema]);
export type Viewer = z.infer<typeof viewerSchema>;
