// Kafka cluster connection: bootstrap servers, security protocol, SASL, truststore, extra client properties.
import { z } from "zod";
import { defineConnectionKind } from "./define";

export const KAFKA_SECURITY_PROTOCOLS = ["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL"] as const;
export const KAFKA_SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
/** client properties the form's own fields set, so extra properties may not set them (nor smuggle a secret in) */
export const KAFKA_MANAGED_PROPERTIES = [
  "bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config",
  "ssl.truststore.location", "ssl.truststore.password", "ssl.keystore.password", "ssl.key.password",
] as const;

const HOST_PORT = /^[A-Za-z0-9._-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/;

export const KafkaConnectionFields = z.object({
  bootstrapServers: z.string().trim().min(1, "bootstrap servers are required (host:port, comma-separated)")
    .refine((s) => s.split(",").every((h) => HOST_PORT.test(h.trim())), "each bootstrap server is host:port, comma-separated")
    .meta({ title: "Bootstrap servers", description: "host:port, comma-separated" }),
  securityProtocol: z.enum(KAFKA_SECURITY_PROTOCOLS).default("PLAINTEXT").meta({ title: "Security protocol" }),
  saslMechanism: z.enum(KAFKA_SASL_MECHANISMS).default("SCRAM-SHA-256").meta({ title: "SASL mechanism", description: "with SASL_PLAINTEXT or SASL_SSL" }),
  username: z.string().default("").meta({ title: "Username", description: "with SASL_PLAINTEXT or SASL_SSL" }),
  password: z.string().default("").meta({ title: "Password", description: "sealed at rest; never shown again" }),
  truststorePath: z.string().default("").meta({ title: "Truststore path", description: "with SSL or SASL_SSL: a JKS or PKCS12 file the runner can read" }),
  truststorePassword: z.string().default("").meta({ title: "Truststore password", description: "sealed at rest" }),
  connectUrl: z.string().trim().default("")
    .refine((u) => u === "" || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(u), "the Kafka Connect URL is http(s)://host:port")
    .meta({ title: "Kafka Connect URL", description: "optional: the REST API of a Kafka Connect worker writing to this cluster, with Debezium's PostgreSQL connector installed (for PostgreSQL change streams)" }),
  properties: z.record(z.string().min(1), z.string()).default({})
    .meta({ title: "Extra client properties", description: "Kafka client properties, key = value; not secret: put no password here" }),
}).superRefine((f, ctx) => {
  for (const key of Object.keys(f.properties)) {
    if ((KAFKA_MANAGED_PROPERTIES as readonly string[]).includes(key)) {
      ctx.addIssue({ code: "custom", path: ["properties", key], message: `"${key}" is set by the connection's own fields, not as an extra property` });
    }
  }
});
export type KafkaConnection = z.infer<typeof KafkaConnectionFields>;

export const usesSasl = (f: Pick<KafkaConnection, "securityProtocol">) => f.securityProtocol.startsWith("SASL_");
export const usesTls = (f: Pick<KafkaConnection, "securityProtocol">) => f.securityProtocol === "SSL" || f.securityProtocol === "SASL_SSL";

export const kafkaConnection = defineConnectionKind<KafkaConnection>({
  kind: "kafka",
  title: "Kafka cluster",
  description: "An Apache Kafka cluster: Kafka source and sink nodes read and write its topics",
  fields: KafkaConnectionFields,
  secrets: ["password", "truststorePassword"],
  defaults: KafkaConnectionFields.parse({ bootstrapServers: "localhost:9092" }),
  summary: (f) => `${f.bootstrapServers} (${f.securityProtocol}${usesSasl(f) ? ` ${f.saslMechanism} as ${f.username}` : ""})`,
});
