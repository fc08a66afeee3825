// `groupBy`: input.groupBy($(key)…).select($(key)…, $(column).fn().as(name)…); without keys, input.select(…) (one group).
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.expr.Aggregates;
import io.streamcanvas.runner.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;

final class GroupByTranslator implements Translator<Statement.GroupBy> {
  public void translate(Statement.GroupBy s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    Expression[] keys = s.keys().stream().map(k -> $(k)).toArray(Expression[]::new);
    List<Expression> fields = new ArrayList<>(List.of(keys));
    for (Statement.GroupBy.Aggregate a : s.aggregates()) fields.add(aggregate(a).as(a.as()));
    Expression[] select = fields.toArray(Expression[]::new);
    ctx.define(s.table(), keys.length == 0 ? input.select(select) : input.groupBy(keys).select(select));
  }

  /** The ApiExpression aggregate the contract names (expr/Aggregates); shared with window aggregation. */
  static ApiExpression aggregate(Statement.GroupBy.Aggregate a) {
    return Aggregates.apply(a.fn(), $(a.column()));
  }
}
