// The shared test Flink cluster as a test sees it: its REST URL, from the environment the stage's global setup
// (server/testing/flink-global-setup.ts) exported.
export const TEST_FLINK_ENV = { url: "STREAMCANVAS_TEST_FLINK_URL", pids: "STREAMCANVAS_TEST_FLINK_PIDS" } as const;

/** The cluster's REST URL; throws naming the variable when the stage started none. */
export function testFlinkUrl(): string {
  const v = process.env[TEST_FLINK_ENV.url];
  if (!v) throw new Error(`${TEST_FLINK_ENV.url} is not set: run under the integration project, whose global setup starts the test Flink cluster`);
  return v;
}

/** The pids of the cluster's JobManager and TaskManagers (empty for a cluster you run yourself). */
export function testFlinkPids(): number[] {
  return (process.env[TEST_FLINK_ENV.pids] ?? "").split(",").filter(Boolean).map(Number);
}
