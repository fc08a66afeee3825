// The Debezium PostgreSQL connector config a change stream registers in Kafka Connect: the table's database (password
// included: Kafka Connect keeps it in its config store and shows it on GET /connectors/…/config, see the README),
// one table, and value handling chosen so Flink's debezium-json reader gets the table's exact values.
import type { PostgresConnection } from "@/pipeline/connections/postgres.connection";
import type { ChangeStreamNames } from "@/pipeline/kinds/change-stream";

export const DEBEZIUM_POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

export function debeziumConfig(pg: PostgresConnection, names: ChangeStreamNames, schema: string, table: string): Record<string, string> {
  const json = "org.apache.kafka.connect.json.JsonConverter";
  return {
    "connector.class": DEBEZIUM_POSTGRES_CONNECTOR, "tasks.max": "1",
    "database.hostname": pg.host, "database.port": String(pg.port), "database.dbname": pg.database,
    "database.user": pg.user, "database.password": pg.password, "database.sslmode": pg.sslmode,
    "topic.prefix": names.topicPrefix,
    // schema and table are letters, digits and _ (the node checks), so this regular expression matches exactly one table
    "table.include.list": `${schema}.${table}`,
    "plugin.name": "pgoutput", "slot.name": names.slot, "publication.name": names.slot, "publication.autocreate.mode": "filtered",
    // updates and deletes must carry the whole old row: Flink's debezium-json retracts it (REPLICA IDENTITY FULL)
    "replica.identity.autoset.values": `${schema}.${table}:FULL`,
    // NUMERIC as its decimal text (exact, whatever the scale); DATE/TIME/TIMESTAMP as ISO strings the node casts back
    "decimal.handling.mode": "string", "time.precision.mode": "isostring",
    // schemaless JSON, whatever the worker's default converters are
    "key.converter": json, "key.converter.schemas.enable": "false", "value.converter": json, "value.converter.schemas.enable": "false",
    // a delete is one event (Flink ignores tombstones anyway)
    "tombstones.on.delete": "false",
    // the topic keeps everything: a pipeline started later reads the snapshot and every change from its start
    "topic.creation.default.replication.factor": "-1", "topic.creation.default.partitions": "1",
    "topic.creation.default.retention.ms": "-1",
  };
}
