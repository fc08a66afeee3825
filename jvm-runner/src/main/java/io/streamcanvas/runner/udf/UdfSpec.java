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
   * What map and filter functions return: ROW<i… , o0 …> of the input columns the translator reads back (echoInputs,
   * named by their index among the input columns), then the output columns, named by position since outputs may share
   * names with inputs; a filter's is ROW<k BOOLEAN NOT NULL, i…> (k = keep), a flatMap's ROW<i…, a ARRAY<ROW<output
   * columns>>> (the rows it yields).
   */
  public DataType echoType() {
    List<DataTypes.Field> fields = new java.util.ArrayList<>();
    if (kind.equals("filter")) fields.add(DataTypes.FIELD("k", DataTypes.BOOLEAN().notNull()));
    for (int i : echoInputs()) fields.add(DataTypes.FIELD("i" + i, FlinkTypes.parse(inputColumns.get(i).type())));
    if (kind.equals("flatMap")) {
      fields.add(DataTypes.FIELD("a", DataTypes.ARRAY(rowType(outputColumns).notNull()).notNull()));
    } else if (!kind.equals("filter")) {
      for (int i = 0; i < outputColumns.size(); i++) fields.add(DataTypes.FIELD("o" + i, FlinkTypes.parse(outputColumns.get(i).type())));
    }
    return DataTypes.ROW(fields.toArray(DataTypes.Field[]::new));
  }

  /**
   * The input columns handed back beside the answer (echoType's i fields): those no output column replaces, except
   * timestamps, which the translator forwards so they keep their time attribute. A replaced column is not converted
   * back a second time for nothing.
   */
  public int[] echoInputs() {
    java.util.Set<String> replaced = new java.util.HashSet<>();
    if (!kind.equals("filter")) outputColumns.forEach(c -> replaced.add(c.name()));
    return java.util.stream.IntStream.range(0, inputColumns.size())
        .filter(i -> !replaced.contains(inputColumns.get(i).name()))
        .filter(i -> !isTimestamp(inputColumns.get(i).type()))
        .toArray();
  }

  private static boolean isTimestamp(String type) {
    var root = FlinkTypes.parse(type).getLogicalType().getTypeRoot();
    return root == org.apache.flink.table.types.logical.LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
        || root == org.apache.flink.table.types.logical.LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  }

  /** ROW<…> of the given columns, each with its declared Flink type (nullability included). */
  public static DataType rowType(List<Column> columns) {
    return DataTypes.ROW(columns.stream()
        .map(c -> DataTypes.FIELD(c.name(), FlinkTypes.parse(c.type())))
        .toArray(DataTypes.Field[]::new));
  }
}
