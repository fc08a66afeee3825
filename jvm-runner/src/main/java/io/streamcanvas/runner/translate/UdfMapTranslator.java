// `udfMap`: a TypeScript map UDF. input.addColumns(call(TsMapFunction, row(inputs…)).as(tmp)), then a select of the
// input columns (read back from tmp) in which outputs replace same-named ones in place and new ones are appended.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;
import static org.apache.flink.table.api.Expressions.row;

import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.udf.TsMapFunction;
import io.streamcanvas.runner.udf.UdfSpec;
import io.streamcanvas.runner.udf.WorkerSettings;
import java.util.Arrays;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.expressions.Expression;

final class UdfMapTranslator implements Translator<Statement.UdfMap> {
  public String op() {
    return "udfMap";
  }

  public void translate(Statement.UdfMap s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    UdfSpec spec = UdfSupport.spec("map", s.udf(), schema);
    WorkerSettings settings = UdfSupport.settings(ctx.tEnv().getConfig());
    UdfSupport.configureAsync(ctx.tEnv().getConfig(), settings, "async-scalar");

    String tmp = "__udf_" + s.table();
    UdfSupport.checkFree(schema, tmp);
    Table called = input.addColumns(call(new TsMapFunction(spec, settings), rowOf(spec)).as(tmp));
    ctx.define(s.table(), called.select(UdfSupport.splice(schema, spec, tmp)));
  }

  /** row($(input column)…): one NOT NULL argument, so that Flink never skips the call for a null column. */
  static Expression rowOf(UdfSpec spec) {
    Expression[] args = spec.inputColumns().stream().map(c -> $(c.name())).toArray(Expression[]::new);
    return row(args[0], (Object[]) Arrays.copyOfRange(args, 1, args.length));
  }
}
