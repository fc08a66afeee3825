// `udfFlatMap`: a TypeScript flatMap UDF. input.addColumns(call(TsFlatMapFunction, row(inputs…)).as(tmp)) (batched like
// a map), then SELECT * FROM that AS T CROSS JOIN UNNEST(T.tmp.a) AS U(tmp_0, …), then a select of the input columns
// (read back from tmp) in which output columns replace same-named ones in place and the others are appended.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.call;

import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.udf.TsFlatMapFunction;
import io.streamcanvas.runner.udf.UdfSpec;
import io.streamcanvas.runner.udf.WorkerSettings;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;

final class UdfFlatMapTranslator implements Translator<Statement.UdfFlatMap> {
  public String op() {
    return "udfFlatMap";
  }

  public void translate(Statement.UdfFlatMap s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    UdfSpec spec = UdfSupport.spec("flatMap", s.udf(), schema);
    WorkerSettings settings = UdfSupport.settings(ctx.tEnv().getConfig());
    UdfSupport.configureAsync(ctx.tEnv().getConfig(), settings, "async-scalar");
    String tmp = "__udf_" + s.table();
    // temporary names, since output columns may share names with input columns until the select below
    String[] outs = IntStream.range(0, spec.outputColumns().size()).mapToObj(i -> tmp + "_" + i).toArray(String[]::new);
    UdfSupport.checkFree(schema, tmp);
    for (String t : outs) UdfSupport.checkFree(schema, t);
    Table called = input.addColumns(call(new TsFlatMapFunction(spec, settings), UdfMapTranslator.rowOf(spec)).as(tmp));
    // UNNEST is SQL only; every identifier quoted
    String aliases = String.join(", ", Arrays.stream(outs).map(SqlViews::quote).toList());
    Table joined = SqlViews.query(ctx, "SELECT * FROM " + SqlViews.view(ctx, called) + " AS T CROSS JOIN UNNEST(T."
        + SqlViews.quote(tmp) + ".`a`) AS U(" + aliases + ")");
    ctx.define(s.table(), joined.select(UdfSupport.spliceColumns(schema, spec, tmp, outs)));
  }
}
