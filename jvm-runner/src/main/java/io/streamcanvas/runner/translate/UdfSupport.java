// What the TS UDF translators share: the UDF's input columns checked against its input table, worker settings from
// the program's config, the async operators' options, and output columns spliced into the input's (replace or append).
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.UdfIr;
import io.streamcanvas.runner.udf.TsAggregateFunction;
import io.streamcanvas.runner.udf.UdfSpec;
import io.streamcanvas.runner.udf.WorkerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Expressions;
import org.apache.flink.table.api.TableConfig;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

public final class UdfSupport {
  static final ConfigOption<Long> DEADLINE_MS =
      ConfigOptions.key("streamcanvas.udf.deadline-ms").longType().defaultValue(WorkerSettings.DEFAULTS.deadline().toMillis());
  static final ConfigOption<Integer> HEAP_MB =
      ConfigOptions.key("streamcanvas.udf.heap-mb").intType().defaultValue(WorkerSettings.DEFAULTS.heapMb());

  private UdfSupport() {}

  /** A UdfSpec of the given kind whose input columns are typed as the input table has them (declared types must agree). */
  public static UdfSpec spec(String kind, UdfIr udf, ResolvedSchema schema) {
    List<UdfSpec.Column> in = new ArrayList<>();
    for (TableDescriptorIr.Column c : udf.inputColumns()) {
      Column actual = schema.getColumn(c.name()).orElseThrow(() -> new IrException(
          "udf \"" + udf.name() + "\" reads column \"" + c.name() + "\", which the input does not have"));
      String type = actual.getDataType().getLogicalType().asSerializableString();
      UdfTypes.check(udf.name(), c.name(), type);
      UdfTypes.checkSame(udf.name(), c.name(), c.type(), actual.getDataType().getLogicalType());
      in.add(new UdfSpec.Column(c.name(), type));
    }
    List<UdfSpec.Column> out = udf.outputColumns().stream().map(c -> new UdfSpec.Column(c.name(), c.type())).toList();
    out.forEach(c -> UdfTypes.check(udf.name(), c.name(), c.type()));
    return new UdfSpec(kind, udf.name(), udf.code(), in, out);
  }

  public static WorkerSettings settings(TableConfig config) {
    return new WorkerSettings(WorkerSettings.DEFAULTS.batchSize(), WorkerSettings.DEFAULTS.linger(),
        Duration.ofMillis(config.get(DEADLINE_MS)), config.get(HEAP_MB));
  }

  /**
   * Room for several batches in flight, no silent retries (a UDF's exception must fail the job), and no Flink timeout:
   * it costs a timer per row (measured: ~10% of the task's time), and the worker's per-batch deadline, which names the
   * UDF, covers it. `family` is async-scalar or async-table.
   */
  static void configureAsync(TableConfig config, WorkerSettings settings, String family) {
    config.set("table.exec." + family + ".max-concurrent-operations", String.valueOf(4 * settings.batchSize()));
    config.set("table.exec." + family + ".retry-strategy", "NO_RETRY");
    config.set("table.exec." + family + ".timeout", "0 ms");
  }

  /**
   * The input's columns with same-named outputs replacing them in place, then the other outputs appended; `echo` reads
   * from a map or filter function's ROW<i…, o…> (UdfSpec.echoType) the input columns the UDF received as well, except
   * timestamps.
   */
  static Expression[] splice(ResolvedSchema input, UdfSpec spec, String echo) {
    List<String> inNames = spec.inputColumns().stream().map(UdfSpec.Column::name).toList();
    List<String> outNames = spec.kind().equals("filter") ? List.of()
        : spec.outputColumns().stream().map(UdfSpec.Column::name).toList();
    List<Expression> fields = new ArrayList<>();
    for (Column c : input.getColumns()) {
      String name = c.getName();
      int o = outNames.indexOf(name);
      int i = timestamp(c) ? -1 : inNames.indexOf(name);
      fields.add(o >= 0 ? output(echo, spec, o).as(name) : i >= 0 ? external($(echo).get("i" + i), c.getDataType()).as(name)
          : $(name));
    }
    for (int o = 0; o < outNames.size(); o++) {
      if (!input.getColumnNames().contains(outNames.get(o))) fields.add(output(echo, spec, o).as(outNames.get(o)));
    }
    return fields.toArray(Expression[]::new);
  }

  private static ApiExpression output(String echo, UdfSpec spec, int o) {
    return external($(echo).get("o" + o), FlinkTypes.parse(spec.outputColumns().get(o).type()));
  }

  /**
   * A field read from the function's ROW, typed with its Java class again: the function answers in Flink's internal
   * form (RowData), whose fields would otherwise reach a collect sink as StringData or TimestampData. The cast is to
   * the field's own type, so it changes only the class Flink converts the value to.
   */
  private static ApiExpression external(ApiExpression field, DataType type) {
    return field.cast(type);
  }

  /** Timestamps are forwarded, not read back: a ROW field would lose an event-time attribute (windows need it). */
  private static boolean timestamp(Column c) {
    LogicalTypeRoot root = c.getDataType().getLogicalType().getTypeRoot();
    return root == LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE || root == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  }

  /** Like splice, for a flatMap whose output columns arrive as separate columns `outs[o]` beside the echo `tmp`. */
  static Expression[] spliceColumns(ResolvedSchema input, UdfSpec spec, String tmp, String[] outs) {
    List<String> inNames = spec.inputColumns().stream().map(UdfSpec.Column::name).toList();
    List<String> outNames = spec.outputColumns().stream().map(UdfSpec.Column::name).toList();
    List<Expression> fields = new ArrayList<>();
    for (Column c : input.getColumns()) {
      String name = c.getName();
      int o = outNames.indexOf(name);
      int i = timestamp(c) ? -1 : inNames.indexOf(name);
      fields.add(o >= 0 ? $(outs[o]).as(name) : i >= 0 ? external($(tmp).get("i" + i), c.getDataType()).as(name) : $(name));
    }
    for (int o = 0; o < outNames.size(); o++) {
      if (!input.getColumnNames().contains(outNames.get(o))) fields.add($(outs[o]).as(outNames.get(o)));
    }
    return fields.toArray(Expression[]::new);
  }

  static void checkFree(ResolvedSchema schema, String column) {
    if (schema.getColumn(column).isPresent()) throw new IrException("the input already has a column named \"" + column + "\"");
  }

  /**
   * A TS aggregate UDF as a Table API aggregate call over its input columns, returning ROW<output columns>: usable
   * wherever aggregates go (groupBy(…).select(…), window(…).groupBy(…).select(…), incl. session and hop windows, which
   * merge accumulators). Alias it and read its columns with $(alias).get(name). For SQL, register the same function:
   * tEnv.createTemporarySystemFunction(name, aggregateFunction(…)) and call name(col, …).
   */
  public static ApiExpression aggregateCall(UdfIr udf, ResolvedSchema inputSchema, TableConfig config) {
    return Expressions.call(aggregateFunction(udf, inputSchema, config),
        udf.inputColumns().stream().map(c -> $(c.name())).toArray());
  }

  public static TsAggregateFunction aggregateFunction(UdfIr udf, ResolvedSchema inputSchema, TableConfig config) {
    return new TsAggregateFunction(spec("aggregate", udf, inputSchema), settings(config));
  }
}
