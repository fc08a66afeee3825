// `udfFlatMap`: a TypeScript flatMap UDF. input.addColumns(call(TsFlatMapFunction, row(inputs…)).as(tmp)) (batched like
// a map), then SELECT * FROM that AS T CROSS JOIN UNNEST(T.tmp.a) AS U(tmp_0, …), then a select of the input columns
// (read back from tmp) in which output columns replace same-named ones in place and the others are appended.
package io.streamcanvas.runner.translate;


import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.udf.TsFlatMapFunction;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.flink.table.api.Table;

final class UdfFlatMapTranslator implements Translator<Statement.UdfFlatMap> {
  public void translate(Statement.UdfFlatMap s, ProgramContext ctx) {
    AsyncUdfCall c = AsyncUdfCall.prepare("flatMap", s.udf(), s.input(), s.table(), ctx);
    String tmp = c.tmp();
    // temporary names, since output columns may share names with input columns until the select below
    String[] outs = IntStream.range(0, c.spec().outputColumns().size()).mapToObj(i -> tmp + "_" + i).toArray(String[]::new);
    for (String t : outs) UdfSupport.checkFree(c.schema(), t);
    Table called = c.called(new TsFlatMapFunction(c.spec(), c.settings()));
    // UNNEST is SQL only; every identifier quoted
    String aliases = String.join(", ", Arrays.stream(outs).map(SqlViews::quote).toList());
    Table joined = SqlViews.query(ctx, "SELECT * FROM " + SqlViews.view(ctx, called) + " AS T CROSS JOIN UNNEST(T."
        + SqlViews.quote(tmp) + ".`a`) AS U(" + aliases + ")");
    ctx.define(s.table(), joined.select(UdfSupport.spliceColumns(c.schema(), c.spec(), tmp, outs)));
  }

}
