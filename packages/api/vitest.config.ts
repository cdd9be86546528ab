import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    env: { AUTH_SECRET: "test-secret-for-sunuwai-api-tests-0123456789" },
  },
});
