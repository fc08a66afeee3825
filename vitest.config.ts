// Vitest: "unit" runs pure and server tests without Flink; "integration" runs against a real jvm-runner.
import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", testTimeout: 30_000, include: ["{pipeline,server,components,scripts}/**/*.test.{ts,tsx}"], exclude: ["**/*.int.test.ts", "node_modules/**"], environment: "node" },
      },
      {
        resolve: { alias },
        // one real Kafka broker and one standalone Flink cluster for the whole stage, shared by every file (server/testing/)
        test: { name: "integration", globalSetup: ["server/testing/kafka-global-setup.ts", "server/testing/connect-global-setup.ts", "server/testing/flink-global-setup.ts", "server/testing/postgres-global-setup.ts"], include: ["{server,examples,pipeline}/**/*.int.test.ts"], environment: "node", testTimeout: 180_000, hookTimeout: 240_000, fileParallelism: false },
      },
    ],
  },
});
