// `filter`: input.filter(predicate).
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.ir.Statement;

final class FilterTranslator implements Translator<Statement.Filter> {
  public void translate(Statement.Filter s, ProgramContext ctx) {
    ctx.define(s.table(), ctx.table(s.input()).filter(ExpressionBuilder.build(s.predicate())));
  }
}
