// A Flink TableDescriptor as data: connector, optional schema (name → Flink type syntax) and watermark, string options.
package io.streamcanvas.runner.ir;

import java.util.List;
import java.util.Map;

public record TableDescriptorIr(String connector, String connection, List<Column> schema, List<MetadataColumn> metadata,
    Watermark watermark, Proctime proctime, List<String> primaryKey, Map<String, String> options) {
  /** A read-only column from the connector's metadata: columnByMetadata(name, type, key, true). */
  public record MetadataColumn(String name, String type, String key) {
    public MetadataColumn {
      IrException.required(name, "metadata column name");
      IrException.required(type, "metadata column type");
      IrException.required(key, "metadata column key");
    }
  }

  /** A processing-time attribute: columnByExpression(column, "PROCTIME()"), appended after the schema's columns. */
  public record Proctime(String column) {
    public Proctime {
      IrException.required(column, "proctime column");
    }
  }

  /** Bounded out-of-orderness on a TIMESTAMP(3) column: watermark = column - delayMs. */
  public record Watermark(String column, long delayMs) {
    public Watermark {
      IrException.required(column, "watermark column");
      if (delayMs < 0) throw new IrException("watermark delayMs must be >= 0, got " + delayMs);
    }
  }

  public record Column(String name, String type) {
    public Column {
      IrException.required(name, "schema column name");
      IrException.required(type, "schema column type");
    }
  }

  public TableDescriptorIr {
    IrException.required(connector, "descriptor.connector");
    if (connection != null && connection.isEmpty()) throw new IrException("descriptor.connection must not be empty");
    schema = schema == null ? null : List.copyOf(schema);
    metadata = metadata == null ? null : List.copyOf(metadata);
    primaryKey = primaryKey == null ? null : List.copyOf(primaryKey);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A descriptor of a connector without connection, metadata or key. */
  public TableDescriptorIr(String connector, List<Column> schema, Watermark watermark, Proctime proctime, Map<String, String> options) {
    this(connector, null, schema, null, watermark, proctime, null, options);
  }

  /** A descriptor without processing time. */
  public TableDescriptorIr(String connector, List<Column> schema, Watermark watermark, Map<String, String> options) {
    this(connector, schema, watermark, null, options);
  }

  /** The same descriptor with other options. */
  public TableDescriptorIr withOptions(Map<String, String> newOptions) {
    return new TableDescriptorIr(connector, connection, schema, metadata, watermark, proctime, primaryKey, newOptions);
  }
}
