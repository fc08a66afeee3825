// Global setup of a test stage (vitest's integration project, Playwright): starts ONE Kafka Connect worker (with
// Debezium's PostgreSQL connector) writing to the stage's test broker, so it must run after kafka-global-setup.ts, and
// exports its REST URL (server/testing/connect-env.ts); the returned teardown stops exactly that worker.
// With STREAMCANVAS_TEST_CONNECT already set (a worker you run yourself), it starts nothing.
import { TEST_CONNECT_ENV } from "./connect-env";
import { testKafka } from "./kafka-env";
import { startKafkaConnect } from "./kafka-connect";

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[TEST_CONNECT_ENV.url]) return async () => {};
  const worker = await startKafkaConnect(testKafka().bootstrap, process.cwd(), (l) => process.stdout.write(`${l}\n`));
  process.env[TEST_CONNECT_ENV.url] = worker.url;
  return async () => {
    await worker.stop();
    delete process.env[TEST_CONNECT_ENV.url];
  };
}
