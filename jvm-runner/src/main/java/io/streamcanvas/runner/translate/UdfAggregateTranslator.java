// `udfAggregate`: a TypeScript aggregate UDF per group. input.groupBy($(key)…).select($(key)…,
// call(TsAggregateFunction, $(input)…).as(tmp)), then the keys and the result's columns. Turns on mini-batch (unless the
// program sets it) so that each key's result is asked for once per bundle of rows, not once per row.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableConfig;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.expressions.Expression;

final class UdfAggregateTranslator implements Translator<Statement.UdfAggregate> {
  public void translate(Statement.UdfAggregate s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    TableConfig config = ctx.tEnv().getConfig();
    if (config.getOptional(org.apache.flink.configuration.ConfigOptions.key("table.exec.mini-batch.enabled")
        .stringType().noDefaultValue()).isEmpty()) {
      config.set("table.exec.mini-batch.enabled", "true");
      config.set("table.exec.mini-batch.allow-latency", "200 ms");
      config.set("table.exec.mini-batch.size", "5000");
    }
    // One phase: a local pre-aggregation would send every accumulator through a worker twice and call merge(), which
    // an aggregate without session or hop windows need not export.
    if (config.getOptional(org.apache.flink.configuration.ConfigOptions.key("table.optimizer.agg-phase-strategy")
        .stringType().noDefaultValue()).isEmpty()) {
      config.set("table.optimizer.agg-phase-strategy", "ONE_PHASE");
    }
    String tmp = "__udf_" + s.table();
    UdfSupport.checkFree(schema, tmp);
    Expression[] keys = s.keys().stream().map(k -> $(k)).toArray(Expression[]::new);
    List<Expression> fields = new ArrayList<>(List.of(keys));
    fields.add(UdfSupport.aggregateCall(s.udf(), schema, config).as(tmp));
    Table grouped = keys.length == 0 ? input.select(fields.toArray(Expression[]::new))
        : input.groupBy(keys).select(fields.toArray(Expression[]::new));
    List<Expression> out = new ArrayList<>(List.of(keys));
    for (var c : s.udf().outputColumns()) out.add($(tmp).get(c.name()).as(c.name()));
    ctx.define(s.table(), grouped.select(out.toArray(Expression[]::new)));
  }
}
