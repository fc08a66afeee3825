// A TypeScript UDF as the runner ships it to a worker: its name, bundled JS (ESM, `export default`), typed columns.
package io.streamcanvas.runner.udf;

import io.streamcanvas.runner.expr.FlinkTypes;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;

public record UdfSpec(String name, String code, List<Column> inputColumns, List<Column> outputColumns)
    implements Serializable {
  public record Column(String name, String type) implements Serializable {}

  public UdfSpec {
    inputColumns = List.copyOf(inputColumns);
    outputColumns = List.copyOf(outputColumns);
  }

  /** ROW<…> of the given columns, each with its declared Flink type (nullability included). */
  public static DataType rowType(List<Column> columns) {
    return DataTypes.ROW(columns.stream()
        .map(c -> DataTypes.FIELD(c.name(), FlinkTypes.parse(c.type())))
        .toArray(DataTypes.Field[]::new));
  }
}
