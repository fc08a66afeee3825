// A TypeScript UDF as the runner ships it to a worker: its kind, name, bundled JS (ESM, `export default`), typed columns.
package io.streamcanvas.runner.udf;

import io.streamcanvas.runner.expr.FlinkTypes;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;

public record UdfSpec(String kind, String name, String code, List<Column> inputColumns, List<Column> outputColumns)
    implements Serializable {
  public record Column(String name, String type) implements Serializable {}

  /** What the worker does with the default export: map, filter, flatMap (per row) or aggregate (per accumulator). */
  public static final List<String> KINDS = List.of("map", "filter", "flatMap", "aggregate");

  /** A map UDF (the kind the first programs knew). */
  public UdfSpec(String name, String code, List<Column> inputColumns, List<Column> outputColumns) {
    this("map", name, code, inputColumns, outputColumns);
  }

  public UdfSpec {
    if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown UDF kind " + kind);
    inputColumns = List.copyOf(inputColumns);
    outputColumns = List.copyOf(outputColumns);
  }

  /**
   * What map and filter functions return: ROW<i0 …, o0 …> of the input columns (as given) then the output columns, named
   * by position since outputs may share names with inputs; a filter's is ROW<k BOOLEAN NOT NULL, i0 …> (k = keep), a
   * flatMap's ROW<i0 …, a ARRAY<ROW<output columns>>> (the rows it yields).
   */
  public DataType echoType() {
    List<DataTypes.Field> fields = new java.util.ArrayList<>();
    if (kind.equals("filter")) fields.add(DataTypes.FIELD("k", DataTypes.BOOLEAN().notNull()));
    for (int i = 0; i < inputColumns.size(); i++) fields.add(DataTypes.FIELD("i" + i, FlinkTypes.parse(inputColumns.get(i).type())));
    if (kind.equals("flatMap")) {
      fields.add(DataTypes.FIELD("a", DataTypes.ARRAY(rowType(outputColumns).notNull()).notNull()));
    } else if (!kind.equals("filter")) {
      for (int i = 0; i < outputColumns.size(); i++) fields.add(DataTypes.FIELD("o" + i, FlinkTypes.parse(outputColumns.get(i).type())));
    }
    return DataTypes.ROW(fields.toArray(DataTypes.Field[]::new));
  }

  /** ROW<…> of the given columns, each with its declared Flink type (nullability included). */
  public static DataType rowType(List<Column> columns) {
    return DataTypes.ROW(columns.stream()
        .map(c -> DataTypes.FIELD(c.name(), FlinkTypes.parse(c.type())))
        .toArray(DataTypes.Field[]::new));
  }
}
