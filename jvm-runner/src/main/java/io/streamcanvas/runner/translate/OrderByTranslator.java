// `orderBy`: input.orderBy($(column).asc() / desc()…).fetch(n); on a streaming job Flink runs it as a sort-limit.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.expressions.Expression;

final class OrderByTranslator implements Translator<Statement.OrderBy> {
  public void translate(Statement.OrderBy s, ProgramContext ctx) {
    Expression[] keys = s.orderBy().stream()
        .map(k -> k.direction().equals("asc") ? $(k.column()).asc() : $(k.column()).desc())
        .toArray(Expression[]::new);
    ctx.define(s.table(), ctx.table(s.input()).orderBy(keys).fetch(s.fetch()));
  }
}
