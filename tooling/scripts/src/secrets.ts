import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Secrets the app needs; generated for development when missing, refused in production. */
export const SECRET_NAMES = ["AUTH_SECRET", "PII_ENCRYPTION_KEYS", "PII_BLIND_INDEX_KEY"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

function generate(name: SecretName): string {
  switch (name) {
    case "AUTH_SECRET":
      return randomBytes(32).toString("base64url");
    // Key ring "<id>:<base64 32-byte key>[,<older id>:<key>…]"; the first entry encrypts, all decrypt.
    case "PII_ENCRYPTION_KEYS":
      return `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}:${randomBytes(32).toString("base64")}`;
    case "PII_BLIND_INDEX_KEY":
      return randomBytes(32).toString("base64");
  }
}

export interface ResolvedSecrets {
  values: Record<SecretName, string>;
  /** Names generated during this call (written to the secrets file). */
  generated: SecretName[];
  file: string;
}

/**
 * Takes each secret from the environment, else from `<dataDir>/secrets.json` (mode 0600), generating
 * what is missing. With NODE_ENV=production nothing is generated: a missing secret is an error.
 */
export function resolveSecrets(env: NodeJS.ProcessEnv, dataDir: string): ResolvedSecrets {
  const file = path.join(dataDir, "secrets.json");
  const fromEnv = (name: SecretName) =>
    env[name] ?? (name === "AUTH_SECRET" ? env.NEXTAUTH_SECRET : undefined);
  const missing = SECRET_NAMES.filter((name) => !fromEnv(name));
  if (env.NODE_ENV === "production" && missing.length > 0) {
    throw new Error(
      `Refusing to start in production without ${missing.join(", ")}. ` +
        "Set them in the environment (see .env.example); they are only generated for development.",
    );
  }
  const stored: Partial<Record<SecretName, string>> = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Record<SecretName, string>>)
    : {};
  const generated: SecretName[] = [];
  const values = {} as Record<SecretName, string>;
  for (const name of SECRET_NAMES) {
    const value = fromEnv(name) ?? stored[name];
    if (value) {
      values[name] = value;
      continue;
    }
    values[name] = stored[name] = generate(name);
    generated.push(name);
  }
  if (generated.length > 0)
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  return { values, generated, file };
}
