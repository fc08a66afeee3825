// The shared test broker as a test sees it: its addresses and SCRAM user, from the environment the stage's global setup
// (server/testing/kafka-global-setup.ts, e2e's global setup) exported.
export type TestKafka = {
  bootstrap: string; saslBootstrap: string; user: string; password: string;
  /** the SSL listener and the truststore (PKCS12) that trusts its self-signed certificate */
  sslBootstrap: string; truststore: string; truststorePassword: string;
};

export const TEST_KAFKA_ENV = {
  bootstrap: "STREAMCANVAS_TEST_KAFKA", saslBootstrap: "STREAMCANVAS_TEST_KAFKA_SASL",
  user: "STREAMCANVAS_TEST_KAFKA_USER", password: "STREAMCANVAS_TEST_KAFKA_PASSWORD",
  sslBootstrap: "STREAMCANVAS_TEST_KAFKA_SSL", truststore: "STREAMCANVAS_TEST_KAFKA_TRUSTSTORE",
  truststorePassword: "STREAMCANVAS_TEST_KAFKA_TRUSTSTORE_PASSWORD",
} as const;

/** The broker's addresses; throws naming the missing variable when the stage started none. */
export function testKafka(): TestKafka {
  const get = (k: keyof TestKafka) => {
    const v = process.env[TEST_KAFKA_ENV[k]];
    if (!v) throw new Error(`${TEST_KAFKA_ENV[k]} is not set: run under the integration project or Playwright, whose global setup starts the test broker`);
    return v;
  };
  return {
    bootstrap: get("bootstrap"), saslBootstrap: get("saslBootstrap"), user: get("user"), password: get("password"),
    sslBootstrap: get("sslBootstrap"), truststore: get("truststore"), truststorePassword: get("truststorePassword"),
  };
}
