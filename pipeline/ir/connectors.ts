// The connectors a TableDescriptor may name and, where jvm-runner checks them, the options each may set. The runner's
// Descriptors.CONNECTORS and CHECKED_OPTIONS mirror this table; IrContractTest holds them to pipeline/fixtures/ir-contract.json.

/**
 * `options: null` = the runner passes the descriptor's options to Flink as given. `dataPath`: the option holding a
 * path under the data root, which the server resolves and checks (server/files/data-root.ts) and the runner again.
 */
export type ConnectorRule = { options: readonly string[] | null; dataPath?: string; connection?: ConnectionRule };

/**
 * A connector reached through a named connection: its kind, and the option keys the connection provides (the runner
 * merges each of the connection's client properties as `properties.<key>`; these fixed ones are what the Java and SQL
 * code views print as `${connection:<name>.<option>}` placeholders, the extras a connection may add are not printed).
 */
export type ConnectionRule = { kind: string; provides: readonly string[] };

/** Read the latest N messages of each partition: the runner, which holds the connection, turns it into Flink's start options. */
export const PREVIEW_LATEST_PER_PARTITION = "streamcanvas.scan.latest-per-partition";

const KAFKA_CONNECTION: ConnectionRule = {
  kind: "kafka",
  provides: [
    "properties.bootstrap.servers", "properties.security.protocol", "properties.sasl.mechanism", "properties.sasl.jaas.config",
    "properties.ssl.truststore.location", "properties.ssl.truststore.password",
  ],
};

/** A preview of a JDBC source reads at most this many rows: the runner applies it as a limit Flink pushes into the scan. */
export const PREVIEW_SCAN_LIMIT = "streamcanvas.scan.limit";

/** A PostgreSQL connection gives Flink's jdbc connector its url, user and password (never a node). */
const POSTGRES_CONNECTION: ConnectionRule = { kind: "postgres", provides: ["url", "username", "password"] };

/** Options of a key or value format a Kafka node sets, under both prefixes (Flink's `key.` / `value.` format options). */
const kafkaFormatOptions = (prefix: "key." | "value.") => [
  "json.ignore-parse-errors", "json.encode.decimal-as-plain-number", "csv.ignore-parse-errors", "csv.field-delimiter",
  ...(prefix === "value." ? ["json.decode.json-parser.enabled", "debezium-json.ignore-parse-errors", "canal-json.ignore-parse-errors",
    "debezium-json.encode.decimal-as-plain-number", "canal-json.encode.decimal-as-plain-number", "debezium-json.timestamp-format.standard"] : []),
].map((o) => prefix + o);

/** Options both Kafka connectors take from a node; `properties.*` only those listed (the rest come from the connection). */
const KAFKA_COMMON = [
  "topic", "key.format", "key.fields", "value.format", "value.fields-include", "properties.transaction.timeout.ms",
  "sink.delivery-guarantee", "sink.transactional-id-prefix", ...kafkaFormatOptions("key."), ...kafkaFormatOptions("value."),
];

export const CONNECTORS: Record<string, ConnectorRule> = {
  datagen: { options: null },
  print: { options: null },
  blackhole: { options: null },
  /**
   * Only options a StreamCanvas node sets: Flink's connector has more (e.g. a partition-commit policy CLASS, which it
   * would load and run), so the runner refuses the rest.
   */
  filesystem: {
    dataPath: "path",
    options: [
      "path", "format", "source.monitor-interval", "sink.rolling-policy.file-size", "sink.rolling-policy.rollover-interval",
      "sink.rolling-policy.inactivity-interval", "sink.rolling-policy.check-interval", "csv.field-delimiter",
      "csv.ignore-parse-errors", "csv.allow-comments", "csv.null-literal", "csv.quote-character", "json.ignore-parse-errors",
      "json.encode.decimal-as-plain-number", "csv-with-header.field-delimiter", "csv-with-header.ignore-parse-errors",
      "csv-with-header.allow-comments", "csv-with-header.null-literal", "csv-with-header.quote-character",
    ],
  },
  /**
   * Flink's Kafka connector: only options a StreamCanvas node sets (client `properties.*` would let a program point the
   * job at any cluster or load classes through the client's configuration); the connection's properties are let through.
   */
  kafka: {
    connection: KAFKA_CONNECTION,
    options: [
      ...KAFKA_COMMON, "topic-pattern", "properties.group.id", "properties.auto.offset.reset", "scan.startup.mode", "scan.startup.timestamp-millis",
      "scan.startup.specific-offsets", "scan.bounded.mode", "scan.bounded.timestamp-millis", "scan.bounded.specific-offsets",
      "scan.watermark.idle-timeout", "sink.partitioner",
      // a preview's start (kinds/kafka-source-sample.ts previewCap): the runner asks the broker and sets scan.startup.* instead
      PREVIEW_LATEST_PER_PARTITION,
    ],
  },
  "upsert-kafka": { connection: KAFKA_CONNECTION, options: KAFKA_COMMON },
  /**
   * Flink's JDBC connector (PostgreSQL): only options a StreamCanvas node sets (`driver` would load any class; url and
   * credentials come from the connection).
   */
  jdbc: {
    connection: POSTGRES_CONNECTION,
    options: [
      "table-name", "scan.partition.column", "scan.partition.lower-bound", "scan.partition.upper-bound", "scan.partition.num",
      "scan.fetch-size", "lookup.cache", "lookup.partial-cache.max-rows", "lookup.partial-cache.expire-after-write",
      "lookup.partial-cache.cache-missing-key", "lookup.max-retries", "sink.buffer-flush.max-rows", "sink.buffer-flush.interval",
      "sink.max-retries", PREVIEW_SCAN_LIMIT,
    ],
  },
};

/**
 * Where a descriptor breaks the table: an unknown connector, an option the runner would refuse, a connection missing
 * or given where none is taken; null when none.
 */
export function connectorProblem(d: { connector: string; options: Record<string, string>; connection?: string }): string | null {
  const rule = CONNECTORS[d.connector];
  if (!rule) return `connector ${JSON.stringify(d.connector)} is not available; use one of ${Object.keys(CONNECTORS).sort().join(", ")}`;
  if (rule.connection && !d.connection) return `a ${d.connector} table needs a ${rule.connection.kind} connection`;
  if (!rule.connection && d.connection) return `a ${d.connector} table takes no connection`;
  const bad = rule.options && Object.keys(d.options).find((k) => !rule.options!.includes(k));
  return bad ? `${d.connector} option ${JSON.stringify(bad)} is not allowed` : null;
}

/**
 * The options a descriptor's connection provides, as placeholders for the code views (`${connection:<name>.<option>}`):
 * the printed program shows where the secret goes, never the secret.
 */
export function connectionPlaceholders(d: { connector: string; connection?: string }): [string, string][] {
  const rule = CONNECTORS[d.connector]?.connection;
  if (!rule || !d.connection) return [];
  return rule.provides.map((o) => [o, `\${connection:${d.connection}.${o}}`]);
}
