// The registry of statement translators keyed by IR `op`; adding a statement kind is one class plus one line here.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class Translators {
  private static final Map<String, Translator<?>> BY_OP = List.<Translator<?>>of(
          new FromTranslator(),
          new FilterTranslator(),
          new SelectTranslator(),
          new InsertIntoTranslator(),
          new CollectTranslator(),
          new FromValuesTranslator(),
          new ColumnTranslators.AddColumns(),
          new ColumnTranslators.RenameColumns(),
          new ColumnTranslators.DropColumns(),
          new SetTranslators.UnionAll(),
          new SetTranslators.Distinct(),
          new GroupByTranslator(),
          new WindowTranslator(),
          new UdfMapTranslator(),
          new JoinTranslators.Join(),
          new JoinTranslators.IntervalJoin(),
          new RankTranslators.Deduplicate(),
          new RankTranslators.TopN(),
          new OrderByTranslator(),
          new LimitTranslator(),
          new UdfFilterTranslator(),
          new UdfFlatMapTranslator(),
          new UdfAggregateTranslator(),
          new LookupJoinTranslator())
      .stream()
      .collect(Collectors.toUnmodifiableMap(Translator::op, Function.identity()));

  private Translators() {}

  /** The ops that have a translator. */
  static Set<String> ops() {
    return BY_OP.keySet();
  }

  @SuppressWarnings("unchecked")
  public static void translate(Statement statement, ProgramContext ctx) {
    Translator<Statement> t = (Translator<Statement>) BY_OP.get(statement.op());
    if (t == null) throw new IrException("no translator for op \"" + statement.op() + "\"");
    t.translate(statement, ctx);
  }
}
