// The Kafka connection's server part: a stored connection as Kafka client properties (the JAAS line built with
// proper quoting), and Test and topic listing through the runner's Kafka admin routes.
import { usesSasl, usesTls, type KafkaConnection } from "@/pipeline/connections/kafka.connection";
import type { ServerConnectionKind } from "./kinds";

const LOGIN_MODULE = {
  PLAIN: "org.apache.kafka.common.security.plain.PlainLoginModule",
  "SCRAM-SHA-256": "org.apache.kafka.common.security.scram.ScramLoginModule",
  "SCRAM-SHA-512": "org.apache.kafka.common.security.scram.ScramLoginModule",
} as const;

/**
 * A JAAS option value as Kafka's parser (java.io.StreamTokenizer with '"' quotes) reads it back: backslash and quote
 * escaped, control characters as octal escapes, so no user text can end the value or add options.
 */
export function jaasQuote(value: string): string {
  const body = value.replace(/[\\"\u0000-\u001f\u007f]/g, (c) =>
    c === "\\" || c === "\"" ? `\\${c}` : `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`);
  return `"${body}"`;
}

export function kafkaClientProperties(f: KafkaConnection): Record<string, string> {
  const props: Record<string, string> = { ...f.properties };
  props["bootstrap.servers"] = f.bootstrapServers.split(",").map((s) => s.trim()).join(",");
  props["security.protocol"] = f.securityProtocol;
  if (usesSasl(f)) {
    props["sasl.mechanism"] = f.saslMechanism;
    props["sasl.jaas.config"] = `${LOGIN_MODULE[f.saslMechanism]} required username=${jaasQuote(f.username)} password=${jaasQuote(f.password)};`;
  }
  if (usesTls(f) && f.truststorePath) {
    props["ssl.truststore.location"] = f.truststorePath;
    if (f.truststorePassword) props["ssl.truststore.password"] = f.truststorePassword;
  }
  return props;
}

/** The client properties whose values are secret, so the runner scrubs them from what it says. */
export const KAFKA_SECRET_PROPERTIES = ["sasl.jaas.config", "ssl.truststore.password"];

export const kafkaServer: ServerConnectionKind<KafkaConnection> = {
  /** SASL needs a username and password, which the form cannot require alone (a saved password is not sent back) */
  check(f) {
    const problems: { field: string; message: string }[] = [];
    if (usesSasl(f) && !f.username) problems.push({ field: "username", message: `${f.securityProtocol} needs a username` });
    if (usesSasl(f) && !f.password) problems.push({ field: "password", message: `${f.securityProtocol} needs a password` });
    if (!usesTls(f) && f.truststorePath) problems.push({ field: "truststorePath", message: `a truststore is used only with SSL or SASL_SSL, not ${f.securityProtocol}` });
    return problems;
  },
  properties: kafkaClientProperties,
  secretProperties: KAFKA_SECRET_PROPERTIES,
  async test(client, properties) {
    const r = await client.kafkaTest(properties);
    return { ok: true, message: `connected: ${r.brokers} broker${r.brokers === 1 ? "" : "s"}, ${r.topics} topic${r.topics === 1 ? "" : "s"}`, brokers: r.brokers, topics: r.topics };
  },
  topics: (client, properties) => client.kafkaTopics(properties).then((r) => r.topics),
};
