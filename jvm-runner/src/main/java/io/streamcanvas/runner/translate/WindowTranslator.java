// `window`: a tumbling event-time group window, with the Table API's GroupWindow rather than SQL window TVFs: the same
// rows for tumble, and no SQL text is built from user identifiers at all.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import io.streamcanvas.runner.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.Tumble;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.expressions.Expression;

final class WindowTranslator implements Translator<Statement.Window> {
  public String op() {
    return "window";
  }

  public void translate(Statement.Window s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    String w = alias(input);
    var window = Tumble.over(lit(s.window().sizeMs()).millis()).on($(s.window().timeColumn())).as(w);
    List<Expression> groups = new ArrayList<>(List.of($(w)));
    s.keys().forEach(k -> groups.add($(k)));
    List<Expression> fields = new ArrayList<>(List.of($(w).start().as("window_start"), $(w).end().as("window_end")));
    s.keys().forEach(k -> fields.add($(k)));
    for (Statement.GroupBy.Aggregate a : s.aggregates()) fields.add(GroupByTranslator.aggregate(a).as(a.as()));
    Table result = input.window(window).groupBy(groups.toArray(Expression[]::new)).select(fields.toArray(Expression[]::new));
    ctx.define(s.table(), result);
  }

  /** The window's alias must not name an input column. */
  private static String alias(Table input) {
    Set<String> names = input.getResolvedSchema().getColumns().stream().map(Column::getName).collect(Collectors.toSet());
    String w = "w";
    for (int i = 1; names.contains(w); i++) w = "w" + i;
    return w;
  }
}
