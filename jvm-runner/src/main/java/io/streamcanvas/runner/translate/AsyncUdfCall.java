// What the TS map, filter and flatMap translators share: the input's columns checked against the UDF, worker settings
// and async options from the program's config, a free temporary column, and the call of the function on ROW(inputs…).
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;
import static org.apache.flink.table.api.Expressions.row;

import io.streamcanvas.runner.ir.UdfIr;
import io.streamcanvas.runner.udf.TsAsyncFunction;
import io.streamcanvas.runner.udf.UdfSpec;
import io.streamcanvas.runner.udf.WorkerSettings;
import java.util.Arrays;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.expressions.Expression;

record AsyncUdfCall(Table input, ResolvedSchema schema, UdfSpec spec, WorkerSettings settings, String tmp) {
  static AsyncUdfCall prepare(String kind, UdfIr udf, String input, String table, ProgramContext ctx) {
    Table in = ctx.table(input);
    ResolvedSchema schema = in.getResolvedSchema();
    UdfSpec spec = UdfSupport.spec(kind, udf, schema);
    WorkerSettings settings = UdfSupport.settings(ctx.tEnv().getConfig());
    UdfSupport.configureAsync(ctx.tEnv().getConfig(), settings, "async-scalar");
    String tmp = "__udf_" + table;
    UdfSupport.checkFree(schema, tmp);
    return new AsyncUdfCall(in, schema, spec, settings, tmp);
  }

  /** input.addColumns(fn(ROW(input columns…)).as(tmp)): one NOT NULL argument, so Flink never skips a call for a null. */
  Table called(TsAsyncFunction fn) {
    Expression[] args = spec.inputColumns().stream().map(c -> $(c.name())).toArray(Expression[]::new);
    return input.addColumns(call(fn, row(args[0], (Object[]) Arrays.copyOfRange(args, 1, args.length))).as(tmp));
  }
}
