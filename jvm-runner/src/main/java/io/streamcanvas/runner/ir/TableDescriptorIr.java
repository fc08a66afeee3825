// A Flink TableDescriptor as data: connector, optional schema (name → Flink type syntax), string options.
package io.streamcanvas.runner.ir;

import java.util.List;
import java.util.Map;

public record TableDescriptorIr(String connector, List<Column> schema, Map<String, String> options) {
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
}
