import { defineConfig } from "vitest/config";

const testKey = (fill: number) => Buffer.alloc(32, fill).toString("base64");

export default defineConfig({
  test: {
    globalSetup: ["@sunuwai/db/testing/global-setup"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Fixed test keys: the services read the key ring from the environment like in production.
    env: {
      // test0 is an older key still in the ring, so rotation can be tested through the task.
      PII_ENCRYPTION_KEYS: `test1:${testKey(1)},test0:${testKey(0)}`,
      PII_BLIND_INDEX_KEY: testKey(9),
    },
  },
});
