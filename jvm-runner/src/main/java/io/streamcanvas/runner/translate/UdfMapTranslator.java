// `udfMap`: a TypeScript map UDF. input.addColumns(call(TsMapFunction, row(inputs…)).as(tmp)), then a select in which
// the UDF's output columns replace the same-named input columns in place and new ones are appended.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;
import static org.apache.flink.table.api.Expressions.row;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.udf.TsMapFunction;
import io.streamcanvas.runner.udf.UdfSpec;
import io.streamcanvas.runner.udf.WorkerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableConfig;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.expressions.Expression;

final class UdfMapTranslator implements Translator<Statement.UdfMap> {
  static final ConfigOption<Long> DEADLINE_MS =
      ConfigOptions.key("streamcanvas.udf.deadline-ms").longType().defaultValue(WorkerSettings.DEFAULTS.deadline().toMillis());
  static final ConfigOption<Integer> HEAP_MB =
      ConfigOptions.key("streamcanvas.udf.heap-mb").intType().defaultValue(WorkerSettings.DEFAULTS.heapMb());

  public String op() {
    return "udfMap";
  }

  public void translate(Statement.UdfMap s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    UdfSpec spec = new UdfSpec(s.udf().name(), s.udf().code(), inputColumns(s, schema), columns(s.udf().outputColumns()));
    spec.outputColumns().forEach(c -> UdfTypes.check(spec.name(), c.name(), c.type()));
    WorkerSettings settings = settings(ctx.tEnv().getConfig());
    configureAsync(ctx.tEnv().getConfig(), settings);

    String tmp = "__udf_" + s.table();
    if (schema.getColumn(tmp).isPresent()) throw new IrException("the input already has a column named \"" + tmp + "\"");
    Expression[] args = spec.inputColumns().stream().map(c -> $(c.name())).toArray(Expression[]::new);
    Table called = input.addColumns(call(new TsMapFunction(spec, settings),
        row(args[0], (Object[]) Arrays.copyOfRange(args, 1, args.length))).as(tmp));

    Set<String> outNames = new LinkedHashSet<>();
    spec.outputColumns().forEach(c -> outNames.add(c.name()));
    List<Expression> fields = new ArrayList<>();
    for (String name : schema.getColumnNames()) {
      fields.add(outNames.remove(name) ? $(tmp).get(name).as(name) : $(name));
    }
    outNames.forEach(n -> fields.add($(tmp).get(n).as(n)));
    ctx.define(s.table(), called.select(fields.toArray(Expression[]::new)));
  }

  /** The columns the UDF reads, typed as the input table has them (the declared type must agree). */
  private static List<UdfSpec.Column> inputColumns(Statement.UdfMap s, ResolvedSchema schema) {
    List<UdfSpec.Column> cols = new ArrayList<>();
    for (TableDescriptorIr.Column c : s.udf().inputColumns()) {
      Column actual = schema.getColumn(c.name()).orElseThrow(() -> new IrException(
          "udf \"" + s.udf().name() + "\" reads column \"" + c.name() + "\", which the input does not have"));
      String type = actual.getDataType().getLogicalType().asSerializableString();
      UdfTypes.check(s.udf().name(), c.name(), type);
      UdfTypes.checkSame(s.udf().name(), c.name(), c.type(), actual.getDataType().getLogicalType());
      cols.add(new UdfSpec.Column(c.name(), type));
    }
    return cols;
  }

  private static List<UdfSpec.Column> columns(List<TableDescriptorIr.Column> cols) {
    return cols.stream().map(c -> new UdfSpec.Column(c.name(), c.type())).toList();
  }

  private static WorkerSettings settings(TableConfig config) {
    return new WorkerSettings(WorkerSettings.DEFAULTS.batchSize(), WorkerSettings.DEFAULTS.linger(),
        Duration.ofMillis(config.get(DEADLINE_MS)), config.get(HEAP_MB));
  }

  /**
   * Room for several batches in flight, no silent retries (a UDF's exception must fail the job), and no Flink timeout:
   * it costs a timer per row (measured: ~10% of the task's time), and the worker's per-batch deadline, which names the
   * UDF, covers it.
   */
  private static void configureAsync(TableConfig config, WorkerSettings settings) {
    config.set("table.exec.async-scalar.max-concurrent-operations", String.valueOf(4 * settings.batchSize()));
    config.set("table.exec.async-scalar.retry-strategy", "NO_RETRY");
    config.set("table.exec.async-scalar.timeout", "0 ms");
  }
}
