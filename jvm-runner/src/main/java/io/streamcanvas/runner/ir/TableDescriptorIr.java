// A Flink TableDescriptor as data: connector, optional schema (name → Flink type syntax) and watermark, string options.
package io.streamcanvas.runner.ir;

import java.util.List;
import java.util.Map;

public record TableDescriptorIr(String connector, List<Column> schema, Watermark watermark, Proctime proctime,
    Map<String, String> options) {
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
    schema = schema == null ? null : List.copyOf(schema);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A descriptor without processing time. */
  public TableDescriptorIr(String connector, List<Column> schema, Watermark watermark, Map<String, String> options) {
    this(connector, schema, watermark, null, options);
  }
}
