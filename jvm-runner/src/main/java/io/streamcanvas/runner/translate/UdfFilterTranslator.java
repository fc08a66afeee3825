// `udfFilter`: a TypeScript filter UDF. input.addColumns(call(TsFilterFunction, row(inputs…)).as(tmp))
// .filter($(tmp).get("k")).select(the input columns read back from tmp): batched like a map.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.udf.TsFilterFunction;
import io.streamcanvas.runner.udf.UdfSpec;
import io.streamcanvas.runner.udf.WorkerSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;

final class UdfFilterTranslator implements Translator<Statement.UdfFilter> {
  public String op() {
    return "udfFilter";
  }

  public void translate(Statement.UdfFilter s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    UdfSpec spec = UdfSupport.spec("filter", s.udf(), schema);
    WorkerSettings settings = UdfSupport.settings(ctx.tEnv().getConfig());
    UdfSupport.configureAsync(ctx.tEnv().getConfig(), settings, "async-scalar");
    String tmp = "__udf_" + s.table();
    UdfSupport.checkFree(schema, tmp);
    TsFilterFunction fn = new TsFilterFunction(spec.name(), spec.code(), spec.inputColumns(), settings);
    ctx.define(s.table(), input.addColumns(call(fn, UdfMapTranslator.rowOf(spec)).as(tmp))
        .filter($(tmp).get("k"))
        .select(UdfSupport.splice(schema, spec, tmp)));
  }
}
