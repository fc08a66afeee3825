// `udfMap`: a TypeScript map UDF. input.addColumns(call(TsMapFunction, row(inputs…)).as(tmp)), then a select of the
// input columns (read back from tmp) in which outputs replace same-named ones in place and new ones are appended.
package io.streamcanvas.runner.translate;


import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.udf.TsMapFunction;
import org.apache.flink.table.api.Table;

final class UdfMapTranslator implements Translator<Statement.UdfMap> {
  public void translate(Statement.UdfMap s, ProgramContext ctx) {
    AsyncUdfCall c = AsyncUdfCall.prepare("map", s.udf(), s.input(), s.table(), ctx);
    Table called = c.called(new TsMapFunction(c.spec(), c.settings()));
    ctx.define(s.table(), called.select(UdfSupport.splice(c.schema(), c.spec(), c.tmp())));
  }

}
