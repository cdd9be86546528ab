import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

// What to do about each variable, for the message a misconfigured server stops with.
const FIXES: Record<string, string> = {
  DATABASE_URL:
    "DATABASE_URL is missing or not a URL (`pnpm start` points it at the embedded PostgreSQL)",
  AUTH_SECRET:
    "AUTH_SECRET (or NEXTAUTH_SECRET) is missing or shorter than 32 characters (`pnpm start` generates one; " +
    "in production set it, e.g. `AUTH_SECRET=$(openssl rand -base64 32)`)",
  NEXTAUTH_URL: "NEXTAUTH_URL is not a URL (e.g. https://sunuwai.example.org)",
};

function variableName(segment: PropertyKey | { key: PropertyKey } | undefined): string {
  if (segment === undefined) return "environment";
  return String(typeof segment === "object" ? segment.key : segment);
}

export const env = createEnv({
  server: {
    /** PostgreSQL the app reads and writes (`pnpm start` points it at the embedded server). */
    DATABASE_URL: z.url(),
    /** Signs and encrypts session cookies (NEXTAUTH_SECRET is accepted as an alias). At least 32 characters. */
    AUTH_SECRET: z.string().min(32),
    /** Public URL of the app, for next-auth's callbacks; inferred from the request when unset. */
    NEXTAUTH_URL: z.url().optional(),
    /** Set: the dashboard uploads to UploadThing's ingest server, which the pages' CSP must then allow. */
    UPLOADTHING_TOKEN: z.string().min(1).optional(),
    UPLOADTHING_INGEST_URL: z.url().optional(),
  },
  shared: {
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  },
  client: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    UPLOADTHING_TOKEN: process.env.UPLOADTHING_TOKEN,
    UPLOADTHING_INGEST_URL: process.env.UPLOADTHING_INGEST_URL,
  },
  // `next build` loads route modules without the runtime environment; the running server validates it.
  skipValidation:
    process.env.NEXT_PHASE === "phase-production-build" || process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const names = [...new Set(issues.map((issue) => variableName(issue.path?.[0])))];
    throw new Error(
      `Invalid environment: ${names.map((name) => FIXES[name] ?? `${name} is invalid`).join("; ")}.`,
    );
  },
});
