import { defineConfig } from "vitest/config";

const testKey = (fill: number) => Buffer.alloc(32, fill).toString("base64");

export default defineConfig({
  test: {
    globalSetup: ["@sunuwai/db/testing/global-setup"],
    env: {
      AUTH_SECRET: "test-secret-for-sunuwai-api-tests-0123456789",
      NEXTAUTH_URL: "http://localhost:3000",
      // Fixed test keys: the helpdesk services read the PII key ring from the environment as in production.
      PII_ENCRYPTION_KEYS: `test1:${testKey(1)}`,
      PII_BLIND_INDEX_KEY: testKey(9),
    },
    // Real PostgreSQL and argon2: allow for a slow CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
