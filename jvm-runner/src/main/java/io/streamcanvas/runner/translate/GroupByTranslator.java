// `groupBy`: input.groupBy($(key)…).select($(key)…, $(column).fn().as(name)…); without keys, input.select(…) (one group).
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.ir.IrException;
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

  /** The ApiExpression aggregate of the same name; shared with window aggregation. */
  static ApiExpression aggregate(Statement.GroupBy.Aggregate a) {
    ApiExpression c = $(a.column());
    return switch (a.fn()) {
      case "count" -> c.count();
      case "count_distinct" -> c.count().distinct();
      case "sum" -> c.sum();
      case "avg" -> c.avg();
      case "min" -> c.min();
      case "max" -> c.max();
      case "first_value" -> c.firstValue();
      case "last_value" -> c.lastValue();
      default -> throw new IrException("unknown aggregate function \"" + a.fn() + "\"");
    };
  }
}
