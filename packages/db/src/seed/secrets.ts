import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SEED_PASSWORD_FILE = "seed-password";
export const SEED_CHATBOT_TOKEN_FILE = "seed-chatbot-token";

export function readSecretFile(dir: string, name: string): string | undefined {
  try {
    return readFileSync(path.join(dir, name), "utf8").trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes a secret readable by its owner only. */
export function writeSecretFile(dir: string, name: string, value: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** The secrets an earlier seed generated and saved, so `pnpm start` can show the dev logins again. */
export function readSeedSecrets(dir: string): { password?: string; chatbotToken?: string } {
  return {
    password: readSecretFile(dir, SEED_PASSWORD_FILE),
    chatbotToken: readSecretFile(dir, SEED_CHATBOT_TOKEN_FILE),
  };
}

export const generatePassword = () => randomBytes(12).toString("base64url");
export const generateChatbotToken = () => `snw_${randomBytes(32).toString("base64url")}`;
