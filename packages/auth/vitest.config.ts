import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@sunuwai/db/testing/global-setup"],
    env: {
      AUTH_SECRET: "test-secret-for-sunuwai-auth-tests-0123456789",
      NEXTAUTH_URL: "http://localhost:3000",
    },
    // Real PostgreSQL and argon2: allow for a slow CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
