// Global setup of a test stage (vitest's integration project, Playwright): starts ONE test Kafka broker shared by every
// test file and exports its addresses (server/testing/kafka-env.ts); the returned teardown stops exactly that broker.
// With STREAMCANVAS_TEST_KAFKA already set (a broker you run yourself), it starts nothing.
import { startKafkaBroker } from "./kafka-broker";
import { TEST_KAFKA_ENV } from "./kafka-env";

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[TEST_KAFKA_ENV.bootstrap]) return async () => {};
  const broker = await startKafkaBroker(process.cwd(), (l) => process.stdout.write(`${l}\n`));
  process.env[TEST_KAFKA_ENV.bootstrap] = broker.bootstrap;
  process.env[TEST_KAFKA_ENV.saslBootstrap] = broker.saslBootstrap;
  process.env[TEST_KAFKA_ENV.user] = broker.user;
  process.env[TEST_KAFKA_ENV.password] = broker.password;
  process.env[TEST_KAFKA_ENV.sslBootstrap] = broker.sslBootstrap;
  process.env[TEST_KAFKA_ENV.truststore] = broker.tls.truststore;
  process.env[TEST_KAFKA_ENV.truststorePassword] = broker.tls.password;
  return async () => {
    await broker.stop();
    for (const k of Object.values(TEST_KAFKA_ENV)) delete process.env[k];
  };
}
