// Builds Flink TableDescriptors from IR descriptors; the schema comes from the IR or, for sinks, from the input table.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.catalog.Column;

final class Descriptors {
  /**
   * Connectors a program may use. The classpath also holds Flink's legacy CSV sink, which writes files wherever it is
   * told; only connectors that a node kind offers are let through.
   */
  static final Set<String> CONNECTORS = Set.of("datagen", "print", "blackhole", FileSystemDescriptors.CONNECTOR,
      KafkaDescriptors.KAFKA, KafkaDescriptors.UPSERT_KAFKA, JdbcDescriptors.JDBC);
  /** The options of each connector whose options the runner checks; the others' are passed to Flink as given. */
  static final Map<String, Set<String>> CHECKED_OPTIONS = Map.of(FileSystemDescriptors.CONNECTOR, FileSystemDescriptors.OPTIONS,
      KafkaDescriptors.KAFKA, KafkaDescriptors.KAFKA_OPTIONS, KafkaDescriptors.UPSERT_KAFKA, KafkaDescriptors.UPSERT_KAFKA_OPTIONS,
      JdbcDescriptors.JDBC, JdbcDescriptors.OPTIONS);

  private Descriptors() {}

  /** `derivedFrom` supplies the schema when the IR gives none (print/blackhole sinks take their input's columns). */
  static TableDescriptor build(TableDescriptorIr ir, Table derivedFrom) {
    return build(ir, derivedFrom, DataRoot.NONE, Map.of(), "sc");
  }

  /**
   * As above; a filesystem descriptor's options and path are checked against the runner's data root first, a Kafka
   * descriptor's options checked and its connection's properties merged in (`txnBase` prefixes transactional ids).
   */
  static TableDescriptor build(TableDescriptorIr ir, Table derivedFrom, DataRoot root, Map<String, Connection> connections, String txnBase) {
    if (FileSystemDescriptors.CONNECTOR.equals(ir.connector())) ir = FileSystemDescriptors.checked(ir, root, derivedFrom == null);
    else if (KafkaDescriptors.handles(ir.connector())) ir = KafkaDescriptors.checked(ir, connections, txnBase);
    else if (JdbcDescriptors.JDBC.equals(ir.connector())) {
      ir = JdbcDescriptors.checked(ir, connections, derivedFrom == null);
      if (derivedFrom != null) derivedFrom.getResolvedSchema().getColumnNames().forEach(JdbcDescriptors::checkColumn);
    }
    else if (ir.connection() != null) throw new IrException("a " + ir.connector() + " table takes no connection");
    if (!CONNECTORS.contains(ir.connector())) {
      throw new IrException("connector \"" + ir.connector() + "\" is not available; use one of " + new TreeSet<>(CONNECTORS));
    }
    TableDescriptor.Builder b = TableDescriptor.forConnector(ir.connector());
    if (ir.schema() != null) {
      Schema.Builder s = Schema.newBuilder();
      for (TableDescriptorIr.Column c : ir.schema()) s.column(c.name(), FlinkTypes.parse(c.type()));
      if (ir.metadata() != null) {
        for (TableDescriptorIr.MetadataColumn m : ir.metadata()) s.columnByMetadata(m.name(), FlinkTypes.parse(m.type()), m.key(), true);
      }
      proctime(s, ir.proctime());
      if (ir.watermark() != null) watermark(s, ir.watermark());
      if (ir.primaryKey() != null) s.primaryKey(ir.primaryKey());
      b.schema(s.build());
    } else if (derivedFrom != null && ir.primaryKey() != null) {
      // Flink refuses a primary key on a nullable column: the key columns become NOT NULL (a NULL key then fails the
      // job, as Flink SQL's implicit NOT NULL of a key column does)
      Schema.Builder s = Schema.newBuilder();
      for (Column c : derivedFrom.getResolvedSchema().getColumns()) {
        s.column(c.getName(), ir.primaryKey().contains(c.getName()) ? c.getDataType().notNull() : c.getDataType());
      }
      b.schema(s.primaryKey(ir.primaryKey()).build());
    } else if (derivedFrom != null) {
      b.schema(Schema.newBuilder().fromResolvedSchema(derivedFrom.getResolvedSchema()).build());
    }
    ir.options().forEach(b::option);
    return b.build();
  }

  /** columnByExpression(column, "PROCTIME()"): the SQL text is a constant; the user's name is only the column's name. */
  static Schema.Builder proctime(Schema.Builder s, TableDescriptorIr.Proctime p) {
    return p == null ? s : s.columnByExpression(p.column(), "PROCTIME()");
  }

  /** watermark(column, $(column).minus(lit(delay).millis())): an Expression, so the column name never becomes SQL text. */
  static Schema.Builder watermark(Schema.Builder s, TableDescriptorIr.Watermark w) {
    return s.watermark(w.column(), $(w.column()).minus(lit(w.delayMs()).millis()));
  }
}
