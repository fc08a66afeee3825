// `udfFlatMap`: a TypeScript flatMap UDF. SELECT * FROM input AS T, LATERAL TABLE(fn(ROW(T.inputs…))) AS U(tmp_0, …)
// (Flink's async correlate), then a select in which output columns replace same-named input columns in place and the others are appended.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

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
    UdfSupport.configureAsync(ctx.tEnv().getConfig(), settings, "async-table");
    // temporary names, since output columns may share names with input columns until the select below
    String[] tmp = IntStream.range(0, spec.outputColumns().size()).mapToObj(i -> "__udf_" + s.table() + "_" + i)
        .toArray(String[]::new);
    for (String t : tmp) UdfSupport.checkFree(schema, t);
    // SQL, since the Table API's joinLateral accepts only synchronous table functions (Flink 2.3); the function is
    // registered under a name private to this program, every identifier quoted
    String fn = ctx.nextViewName() + "_fn";
    ctx.tEnv().createTemporarySystemFunction(fn, new TsFlatMapFunction(spec, settings));
    String args = String.join(", ", spec.inputColumns().stream().map(c -> "T." + SqlViews.quote(c.name())).toList());
    String aliases = String.join(", ", Arrays.stream(tmp).map(SqlViews::quote).toList());
    Table joined = SqlViews.query(ctx, "SELECT * FROM " + SqlViews.view(ctx, input) + " AS T, LATERAL TABLE("
        + SqlViews.quote(fn) + "(ROW(" + args + "))) AS U(" + aliases + ")");
    ctx.define(s.table(), joined.select(UdfSupport.spliceColumns(schema, spec.outputColumns(), tmp)));
  }
}
