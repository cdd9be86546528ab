import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).optional(),
  SEED_PASSWORD: z.string().min(8).optional(),
  SEED_CHATBOT_TOKEN: z.string().min(16).optional(),
  SUNUWAI_TEST_DATABASE_URL: z.url().optional(),
});
export type ScriptEnv = z.infer<typeof schema>;

/**
 * The environment of `pnpm start`/`pnpm test`, after loading `<root>/.env` when present. `raw` is the whole
 * environment: these scripts hand it on to the processes they start.
 */
export function loadScriptEnv(root: string): { env: ScriptEnv; raw: NodeJS.ProcessEnv } {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
  const blankToUndefined = Object.fromEntries(
    Object.entries(process.env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return { env: parsed.data, raw: process.env };
}
