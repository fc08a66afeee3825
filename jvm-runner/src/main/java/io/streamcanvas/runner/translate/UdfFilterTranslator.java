// `udfFilter`: a TypeScript filter UDF. input.addColumns(call(TsFilterFunction, row(inputs…)).as(tmp))
// .filter($(tmp).get("k")).select(the input columns read back from tmp): batched like a map.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.udf.TsFilterFunction;
import io.streamcanvas.runner.udf.UdfSpec;

final class UdfFilterTranslator implements Translator<Statement.UdfFilter> {
  public void translate(Statement.UdfFilter s, ProgramContext ctx) {
    AsyncUdfCall c = AsyncUdfCall.prepare("filter", s.udf(), s.input(), s.table(), ctx);
    UdfSpec spec = c.spec();
    ctx.define(s.table(), c.called(new TsFilterFunction(spec.name(), spec.code(), spec.inputColumns(), c.settings()))
        .filter($(c.tmp()).get("k"))
        .select(UdfSupport.splice(c.schema(), spec, c.tmp())));
  }

}
