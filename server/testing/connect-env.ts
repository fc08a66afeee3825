// The shared test Kafka Connect worker as a test sees it: its REST URL, from the environment the stage's global setup
// (server/testing/connect-global-setup.ts) exported.
export const TEST_CONNECT_ENV = { url: "STREAMCANVAS_TEST_CONNECT" } as const;

/** The worker's REST URL; throws naming the variable when the stage started none. */
export function testConnectUrl(): string {
  const v = process.env[TEST_CONNECT_ENV.url];
  if (!v) throw new Error(`${TEST_CONNECT_ENV.url} is not set: run under the integration project or Playwright, whose global setup starts the test Kafka Connect worker`);
  return v;
}
