// The kafka and upsert-kafka connectors' descriptors, checked: only the options a StreamCanvas node sets, and the named
// connection's client properties merged in as `properties.<key>` just before the descriptor is built.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

final class KafkaDescriptors {
  static final String KAFKA = "kafka";
  static final String UPSERT_KAFKA = "upsert-kafka";
  /** the connection kind both connectors take */
  static final String CONNECTION_KIND = "kafka";
  private static final String TRANSACTIONAL_ID_PREFIX = "sink.transactional-id-prefix";

  private static List<String> formatOptions(String prefix) {
    Stream<String> common = Stream.of("json.ignore-parse-errors", "json.encode.decimal-as-plain-number", "csv.ignore-parse-errors",
        "csv.field-delimiter");
    Stream<String> changelog = prefix.equals("value.") ? Stream.of("json.decode.json-parser.enabled", "debezium-json.ignore-parse-errors",
        "canal-json.ignore-parse-errors", "debezium-json.encode.decimal-as-plain-number", "canal-json.encode.decimal-as-plain-number",
        // a change stream's Debezium writes TIMESTAMP WITH TIME ZONE as ISO-8601 (…T…Z)
        "debezium-json.timestamp-format.standard") : Stream.of();
    return Stream.concat(common, changelog).map(o -> prefix + o).toList();
  }

  /**
   * Options a program may set on both connectors. Client properties (`properties.*`) would let a program point a job at
   * any cluster or make the client load classes, so only those listed are taken from a node; the rest come from the
   * connection.
   */
  private static final Set<String> COMMON = Set.copyOf(Stream.of(
      List.of("topic", "key.format", "key.fields", "value.format", "value.fields-include", "properties.transaction.timeout.ms",
          "sink.delivery-guarantee", "sink.transactional-id-prefix"),
      formatOptions("key."), formatOptions("value.")).flatMap(List::stream).toList());
  static final Set<String> KAFKA_OPTIONS = Set.copyOf(Stream.concat(COMMON.stream(), Stream.of("topic-pattern", "properties.group.id", "properties.auto.offset.reset",
      "scan.startup.mode", "scan.startup.timestamp-millis", "scan.startup.specific-offsets", "scan.bounded.mode",
      "scan.bounded.timestamp-millis", "scan.bounded.specific-offsets", "scan.watermark.idle-timeout", "sink.partitioner",
      PreviewStart.LATEST_PER_PARTITION)).toList());
  static final Set<String> UPSERT_KAFKA_OPTIONS = COMMON;

  private KafkaDescriptors() {}

  static boolean handles(String connector) {
    return KAFKA.equals(connector) || UPSERT_KAFKA.equals(connector);
  }

  /**
   * The descriptor with its connection's properties merged in; refuses other options and a connection not given. A
   * transactional id prefix (the sink node's id) gets `txnBase` (pipeline and run) in front: two jobs sharing a prefix
   * would fence each other's Kafka transactions.
   */
  static TableDescriptorIr checked(TableDescriptorIr ir, Map<String, Connection> connections, String txnBase) {
    Set<String> allowed = KAFKA.equals(ir.connector()) ? KAFKA_OPTIONS : UPSERT_KAFKA_OPTIONS;
    for (String k : ir.options().keySet()) {
      if (!allowed.contains(k)) throw new IrException(ir.connector() + " option \"" + k + "\" is not allowed; allowed: " + new TreeSet<>(allowed));
    }
    if (ir.connection() == null) throw new IrException("a " + ir.connector() + " table needs a connection (a Kafka cluster)");
    Connection c = connections.get(ir.connection());
    if (c == null) {
      throw new IrException("connection \"" + ir.connection() + "\" was not given with the program; create it (Connections) or choose another");
    }
    if (!CONNECTION_KIND.equals(c.kind())) {
      throw new IrException("connection \"" + ir.connection() + "\" is a " + c.kind() + " connection; a " + ir.connector() + " table needs a kafka one");
    }
    Map<String, String> options = new HashMap<>();
    c.properties().forEach((k, v) -> options.put("properties." + k, v));
    options.putAll(ir.options()); // a node's own group id / transaction timeout wins over a connection's extras
    PreviewStart.resolve(options, c, ir.connection());
    String prefix = ir.options().get(TRANSACTIONAL_ID_PREFIX);
    if (prefix != null) options.put(TRANSACTIONAL_ID_PREFIX, txnBase + "-" + prefix);
    return ir.withOptions(options);
  }
}
