// The shared test broker the integration stage's global setup started: both listeners answer, and the test tool
// creates topics and produces to them.
import { describe, expect, it } from "vitest";
import { testKafka } from "./kafka-env";
import { createTopic, produce } from "./kafka-tool";
import { apiVersionsOk } from "./kafka-wire";

describe("test Kafka broker", () => {
  it("answers on its PLAINTEXT and SASL_PLAINTEXT listeners", async () => {
    const k = testKafka();
    for (const addr of [k.bootstrap, k.saslBootstrap]) {
      const [host = "", port = ""] = addr.split(":");
      expect(await apiVersionsOk(host, Number(port), 5_000)).toBe(true);
    }
    expect(k.password).toMatch(/^sc-pw-[0-9a-f]{18}$/);
    expect(k.sslBootstrap).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it("creates a topic and takes records", () => {
    const k = testKafka();
    createTopic(k.bootstrap, "harness-check", 2);
    expect(produce(k.bootstrap, "harness-check", [{ key: "a", value: "1", partition: 0 }, { value: "2", partition: 1 }])).toBe(2);
    expect(() => createTopic(k.bootstrap, "harness-check", 2)).toThrow(/already exists/);
  });
});
