import { describe, expect, it } from "vitest";
import { KafkaConnectionFields } from "@/pipeline/connections/kafka.connection";
import { jaasQuote, kafkaClientProperties } from "./kafka";

const conn = (f: Record<string, unknown>) => KafkaConnectionFields.parse({ bootstrapServers: "b1:9092, b2:9093", ...f });

describe("Kafka connection → client properties", () => {
  it("PLAINTEXT: servers and protocol only, extra properties kept", () => {
    expect(kafkaClientProperties(conn({ properties: { "client.id": "x" } }))).toEqual({
      "client.id": "x", "bootstrap.servers": "b1:9092,b2:9093", "security.protocol": "PLAINTEXT",
    });
  });

  it("SASL: the JAAS line with the mechanism's login module and quoted values", () => {
    const p = kafkaClientProperties(conn({ securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "u", password: "p", truststorePath: "/t.jks", truststorePassword: "tp" }));
    expect(p["sasl.mechanism"]).toBe("PLAIN");
    expect(p["sasl.jaas.config"]).toBe('org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";');
    expect(p["ssl.truststore.location"]).toBe("/t.jks");
    expect(p["ssl.truststore.password"]).toBe("tp");
    expect(kafkaClientProperties(conn({ securityProtocol: "SASL_PLAINTEXT", username: "u", password: "p" }))["sasl.jaas.config"])
      .toMatch(/^org\.apache\.kafka\.common\.security\.scram\.ScramLoginModule required/);
  });

  it("user text cannot end a JAAS value or add options", () => {
    // quote, backslash, semicolon and newline stay inside the one quoted value (Kafka's StreamTokenizer reads these escapes)
    expect(jaasQuote('a"b\\c;d\ne')).toBe('"a\\"b\\\\c;d\\012e"');
    const p = kafkaClientProperties(conn({ securityProtocol: "SASL_PLAINTEXT", username: 'x" password="y', password: 'p"; evil=1' }));
    expect(p["sasl.jaas.config"]).toBe('org.apache.kafka.common.security.scram.ScramLoginModule required username="x\\" password=\\"y" password="p\\"; evil=1";');
  });

  it("extra properties may not set what the form's fields set", () => {
    const r = KafkaConnectionFields.safeParse({ bootstrapServers: "b:1", properties: { "sasl.jaas.config": "x" } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/"sasl.jaas.config" is set by the connection's own fields/);
  });
});
